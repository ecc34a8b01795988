import { describe, expect, it } from 'vitest';
import { SIGNAL_ACTIONS, SIGNAL_KINDS, SIGNAL_TITLES, usedAfterDeath } from './signals.js';

describe('signals', () => {
  it('a check for a service on the day of death or later is a use after death; an earlier service is not', () => {
    expect(usedAfterDeath('2026-10-15', '2026-10-15')).toBe(true);
    expect(usedAfterDeath('2026-11-01', '2026-10-15')).toBe(true);
    expect(usedAfterDeath('2026-10-14', '2026-10-15')).toBe(false);
  });

  it('every kind has a title and an action for the officer', () => {
    for (const k of SIGNAL_KINDS) {
      expect(SIGNAL_TITLES[k].length).toBeGreaterThan(10);
      expect(SIGNAL_ACTIONS[k].length).toBeGreaterThan(10);
    }
  });
});
