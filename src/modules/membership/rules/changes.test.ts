import { describe, expect, it } from 'vitest';
import { basisPeriods, checkManualChange } from './changes.js';

const alive = { birthDate: '1980-01-01', deathDate: null, movedOutDate: null };
const today = '2026-11-22';

describe('checkManualChange', () => {
  it('accepts a death with a reason on or before today, not twice', () => {
    expect(
      checkManualChange(
        { kind: 'DEATH', effectiveDate: '2026-11-20', reason: 'Surat kematian RS 12/XI' },
        alive,
        today,
      ),
    ).toBeNull();
    expect(
      checkManualChange({ kind: 'DEATH', effectiveDate: '2026-11-23', reason: 'Surat kematian' }, alive, today),
    ).toMatch(/setelah hari ini/);
    expect(checkManualChange({ kind: 'DEATH', effectiveDate: '2026-11-20', reason: 'x' }, alive, today)).toMatch(
      /Alasan/,
    );
    expect(
      checkManualChange(
        { kind: 'DEATH', effectiveDate: '2026-11-20', reason: 'Surat kematian' },
        { ...alive, deathDate: '2026-11-01' },
        today,
      ),
    ).toMatch(/sudah tercatat/);
  });

  it('refuses a move-out for the dead and dates before birth', () => {
    expect(
      checkManualChange(
        { kind: 'MOVE_OUT', effectiveDate: '2026-11-20', reason: 'Surat pindah' },
        { ...alive, deathDate: '2026-10-01' },
        today,
      ),
    ).toMatch(/meninggal/);
    expect(
      checkManualChange({ kind: 'MOVE_OUT', effectiveDate: '1979-12-31', reason: 'Surat pindah' }, alive, today),
    ).toMatch(/sebelum tanggal lahir/);
  });

  it('a correction withdraws only a fact that is recorded', () => {
    expect(
      checkManualChange(
        { kind: 'CORRECTION', withdraws: 'DEATH', effectiveDate: today, reason: 'Salah catat' },
        alive,
        today,
      ),
    ).toMatch(/Tidak ada kematian/);
    expect(
      checkManualChange(
        { kind: 'CORRECTION', withdraws: 'DEATH', effectiveDate: today, reason: 'Salah catat' },
        { ...alive, deathDate: '2026-01-01' },
        today,
      ),
    ).toBeNull();
  });
});

describe('basisPeriods', () => {
  it('merges equal neighbours and closes each period at the next change', () => {
    const periods = basisPeriods([
      { date: '2026-05-01', eligible: true, basis: 'RESIDENT', rule: 'MEM-3.1' },
      { date: '2026-01-01', eligible: true, basis: 'RESIDENT', rule: 'MEM-3.1' },
      { date: '2026-09-01', eligible: false, basis: null, rule: 'MEM-4' },
    ]);
    expect(periods.map((p) => [p.date, p.until, p.basis])).toEqual([
      ['2026-01-01', '2026-09-01', 'RESIDENT'],
      ['2026-09-01', null, null],
    ]);
  });
});
