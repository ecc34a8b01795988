import { invalid } from '../../platform/http/errors.js';

/** A refusal listing every problem a rule found (field and message), the messages joined for the user. */
export function problemsError(code: string, problems: { field?: string; message: string }[]) {
  return invalid(code, problems.map((p) => p.message).join(' '), { problems });
}
