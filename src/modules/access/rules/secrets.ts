import crypto from 'node:crypto';

/** High-entropy secrets (session ids, API tokens) are stored as SHA-256: argon2 adds nothing for 256 random bits. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export function newSessionId(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export const TOKEN_PREFIX = 'jk_';

export function newApiToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
}

/** Readable one-time password: no look-alike characters (0/O, 1/l/I). */
export function newOneTimePassword(length = 14): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

/** Password policy: a reason in Bahasa Indonesia when refused, else null. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return 'Kata sandi minimal 10 karakter.';
  if (password.length > 200) return 'Kata sandi terlalu panjang (maksimal 200 karakter).';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'Kata sandi tidak boleh memuat nama pengguna.';
  if (!/[a-zA-Z]/.test(password) || !/[0-9]/.test(password)) return 'Kata sandi harus memuat huruf dan angka.';
  return null;
}
