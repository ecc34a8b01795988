import type { LoggerOptions } from 'pino';

/**
 * Structured logs carry no personal data: these paths are censored wherever
 * they appear, and request lines log the route pattern instead of the URL.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.nik',
  '*.niks',
  '*.noKk',
  '*.no_kk',
  '*.name',
  '*.nama',
  '*.password',
  '*.token',
  '*.birthDate',
];

/**
 * A person at a terminal reads lines, a log collector reads JSON: pretty output
 * only when stdout is a terminal (and never for a test's captured stream).
 */
export function loggerOptions(level: string, pretty = false): LoggerOptions {
  return {
    level,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
          },
        }
      : {}),
    redact: { paths: REDACT_PATHS, censor: '[disembunyikan]' },
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string }; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url,
        id: req.id,
      }),
    },
  };
}
