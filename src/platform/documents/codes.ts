import crypto from 'node:crypto';

/** Crockford base32 without the letters people misread (I, L, O, U). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A random public verification code for a card or letter QR: 12 symbols, 60
 * bits — unguessable at any rate the public verification pages allow.
 */
export function verificationCode(length = 12): string {
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i]! & 31];
  return out;
}

/** Normalises what a person typed or a scanner read: upper case, no spaces or dashes. */
export function normaliseCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s-]/g, '');
  return /^[0-9A-HJKMNP-TV-Z]{8,32}$/.test(s) ? s : null;
}
