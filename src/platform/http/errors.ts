/**
 * The one error type for expected outcomes. `kind` says what happened; the
 * HTTP status is derived from it in exactly one place (statusFor). Anything
 * thrown that is not an AppError is a server fault: logged, answered 500.
 */
export type ErrorKind =
  | 'invalid' // malformed input: 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: state does not allow it now (another import running, duplicate)
  | 'too_large' // 413
  | 'rule' // a business rule refuses it: 422
  | 'rate_limited'; // 429

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable, machine-readable code (e.g. INVALID_NIK). */
    readonly code: string,
    /** For people, in Bahasa Indonesia. */
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rule: 422,
  rate_limited: 429,
};

export function statusFor(kind: ErrorKind): number {
  return STATUS[kind];
}

export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError('invalid', code, message, details);
export const notFound = (code: string, message: string) => new AppError('not_found', code, message);
export const forbidden = (message = 'Anda tidak berhak melakukan tindakan ini.') =>
  new AppError('forbidden', 'FORBIDDEN', message);
export const unauthenticated = (message = 'Silakan masuk terlebih dahulu.') =>
  new AppError('unauthenticated', 'UNAUTHENTICATED', message);
export const conflict = (code: string, message: string) => new AppError('conflict', code, message);
export const ruleRefusal = (code: string, message: string, details?: unknown) =>
  new AppError('rule', code, message, details);
