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

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
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
