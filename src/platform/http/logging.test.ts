import { describe, expect, it } from 'vitest';
import { loggerOptions, REDACT_PATHS } from './logging.js';

describe('loggerOptions', () => {
  it('writes JSON unless a person reads a terminal', () => {
    expect(loggerOptions('info').transport).toBeUndefined();
    expect(loggerOptions('info', false).transport).toBeUndefined();
  });

  it('pretty-prints on a terminal and still redacts personal data', () => {
    const o = loggerOptions('info', true);
    expect(o.transport).toMatchObject({ target: 'pino-pretty' });
    expect(o.redact).toMatchObject({ paths: REDACT_PATHS });
  });
});
