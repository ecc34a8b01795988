import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Environment schema, validated once at boot. Everything configurable about a
 * deployment is read here and passed down explicitly; no module reads
 * process.env on its own.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // An empty value means "not set" (the embedded database), as shells and .env files write it.
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secret used to sign cookies; generated per data dir when absent (see secrets.ts). */
  COOKIE_SECRET: z.string().min(32).optional(),
  /** Set when served over HTTPS so cookies carry the Secure flag. */
  SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SESSION_HOURS: z.coerce.number().positive().default(8),
  /** Requests per minute one user or token may make to the eligibility API. */
  ELIGIBILITY_RATE_PER_MINUTE: z.coerce.number().int().positive().default(6000),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  PG_POOL_SIZE: z.coerce.number().int().positive().default(16),
  UPLOAD_MAX_MB: z.coerce.number().positive().default(1024),
  /** Server processes (PostgreSQL only; the embedded database allows one). Default: one per CPU core. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Address the public reaches this server at; printed in QR codes on cards and letters. */
  PUBLIC_URL: z.string().url().optional(),
  /** Largest supporting document (birth statement, KK scan…) accepted, in megabytes. */
  DOCUMENT_MAX_MB: z.coerce.number().positive().default(10),
  /** Change sets that would end more than this share (percent) of residents or JKN memberships, or whose file has that much fewer rows than the last, are flagged suspect. */
  IMPORT_SUSPECT_PERCENT: z.coerce.number().min(0).max(100).default(5),
  /** A population or JKN file that would end more than this share (percent) is refused: no change set. */
  IMPORT_REFUSE_ENDING_PERCENT: z.coerce.number().min(0).max(100).default(95),
  /** A file with more than this share (percent) of its rows rejected is refused as a whole. */
  IMPORT_MAX_REJECTED_PERCENT: z.coerce.number().min(0).max(100).default(20),
  /**
   * Reverse proxies whose X-Forwarded-For is believed: a comma list of addresses or CIDR ranges
   * (e.g. "127.0.0.1,10.0.0.0/8"). Empty: none, so a client cannot choose its own address.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrCidr), 'setiap isi harus alamat IP atau rentang CIDR, dipisah koma'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  cookieSecret: string | undefined;
  secureCookies: boolean;
  sessionHours: number;
  eligibilityRatePerMinute: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  pgPoolSize: number;
  uploadMaxBytes: number;
  webConcurrency: number | undefined;
  publicUrl: string;
  documentMaxBytes: number;
  /** Issue 10 guards on snapshot imports (percent). */
  importGuard: { suspectPercent: number; refusePercent: number; maxRejectedPercent: number };
  /** Proxy addresses/CIDRs trusted for X-Forwarded-For; empty trusts none. */
  trustProxy: string[];
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // QR codes on cards and letters print this address; in production a localhost fallback would put unusable codes on paper.
  if (e.NODE_ENV === 'production' && !e.PUBLIC_URL && !overrides.publicUrl) {
    throw new Error(
      'Invalid environment:\n  PUBLIC_URL: wajib diisi bila NODE_ENV=production — alamat publik server (misalnya https://jamkesda.kota.go.id) yang dicetak pada kode QR kartu dan surat.',
    );
  }
  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    cookieSecret: e.COOKIE_SECRET,
    secureCookies: e.SECURE_COOKIES,
    sessionHours: e.SESSION_HOURS,
    eligibilityRatePerMinute: e.ELIGIBILITY_RATE_PER_MINUTE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    pgPoolSize: e.PG_POOL_SIZE,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    webConcurrency: e.WEB_CONCURRENCY,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    documentMaxBytes: Math.round(e.DOCUMENT_MAX_MB * 1024 * 1024),
    importGuard: {
      suspectPercent: e.IMPORT_SUSPECT_PERCENT,
      refusePercent: e.IMPORT_REFUSE_ENDING_PERCENT,
      maxRejectedPercent: e.IMPORT_MAX_REJECTED_PERCENT,
    },
    trustProxy: e.TRUST_PROXY,
    ...overrides,
  };
}

function isAddressOrCidr(v: string): boolean {
  const [addr, bits, extra] = v.split('/');
  if (extra !== undefined || !addr) return false;
  const family = net.isIP(addr);
  if (family === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}
