import { ApiError, messageOf } from './api';

/**
 * The server's error details as messages per form field, so each shows next to
 * its field. Two shapes arrive: a rule check's `{ problems: [{ field, message }] }`
 * and a request-schema failure's `[{ field: 'body.x.y', message }]`. Fields the
 * form does not show stay in `rest` for the alert above the button.
 */
export function fieldErrors(
  error: unknown,
  known: readonly string[],
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  if (!error) return { byField, rest };
  if (!(error instanceof ApiError)) return { byField, rest: [messageOf(error)] };
  const d = error.details as unknown;
  const list: unknown = Array.isArray(d)
    ? d
    : d && typeof d === 'object' && 'problems' in d
      ? (d as { problems: unknown }).problems
      : null;
  if (!Array.isArray(list)) return { byField, rest: [error.message] };
  for (const p of list as { field?: unknown; message?: unknown }[]) {
    const field = typeof p.field === 'string' ? p.field.replace(/^body\./, '') : '';
    const message = typeof p.message === 'string' ? p.message : '';
    if (!message) continue;
    if (known.includes(field)) byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
    else rest.push(message);
  }
  return { byField, rest };
}
