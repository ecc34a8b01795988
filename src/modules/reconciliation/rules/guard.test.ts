import { describe, expect, it } from 'vitest';
import { assessChangeSet, confirmationProblem, refusalMessage } from './guard.js';

describe('assessChangeSet', () => {
  it('flags the truncated file of the probe: 2,759 of 2,955 residents missing from a 199-row file', () => {
    const v = assessChangeSet({ kind: 'population', before: 2955, rows: 199, previousRows: 2955, ending: 2759 });
    expect(v.verdict).toBe('suspect');
    expect(v.figures).toMatchObject({ endingPercent: 93.4, rowDropPercent: 93.3, suspectPercent: 5 });
    expect(v.figures.reasons[0]).toContain('2.759 dari 2.955 penduduk');
    expect(v.figures.reasons[1]).toContain('199 baris');
  });

  it('passes an ordinary month: a few moved out, a few more rows', () => {
    expect(
      assessChangeSet({ kind: 'population', before: 2955, rows: 2980, previousRows: 2955, ending: 40 }).verdict,
    ).toBe('ok');
  });

  it('flags a row count that falls sharply even when few residents go missing', () => {
    const v = assessChangeSet({ kind: 'population', before: 1000, rows: 900, previousRows: 1000, ending: 10 });
    expect(v.verdict).toBe('suspect');
    expect(v.figures.reasons).toHaveLength(1);
    expect(v.figures.reasons[0]).toContain('10 % lebih sedikit');
  });

  it('refuses a file that would end nearly everyone (a one-row spreadsheet)', () => {
    const v = assessChangeSet({ kind: 'population', before: 2955, rows: 1, previousRows: 2955, ending: 2954 });
    expect(v.verdict).toBe('refused');
    expect(refusalMessage(v.figures)).toMatch(
      /^Berkas ditolak: 2\.954 dari 2\.955 penduduk .* tidak ada daftar perubahan yang dibuat/,
    );
  });

  it('uses the limits given, and speaks of memberships for JKN', () => {
    const v = assessChangeSet(
      { kind: 'jkn', before: 100, rows: 92, previousRows: 100, ending: 8 },
      { suspectPercent: 10, refusePercent: 95 },
    );
    expect(v.verdict).toBe('ok');
    const w = assessChangeSet(
      { kind: 'jkn', before: 100, rows: 40, previousRows: 100, ending: 60 },
      { suspectPercent: 10, refusePercent: 95 },
    );
    expect(w.verdict).toBe('suspect');
    expect(w.figures.reasons[0]).toContain('kepesertaan JKN');
  });

  it('treats an empty register as nothing to compare', () => {
    expect(assessChangeSet({ kind: 'population', before: 0, rows: 10, previousRows: null, ending: 0 }).verdict).toBe(
      'ok',
    );
  });
});

describe('confirmationProblem', () => {
  it('needs nothing for an ordinary set or when nothing ends', () => {
    expect(confirmationProblem(false, 'population', 2759, undefined)).toBeNull();
    expect(confirmationProblem(true, 'population', 0, undefined)).toBeNull();
  });
  it('needs the exact number on a suspect set', () => {
    expect(confirmationProblem(true, 'population', 2759, undefined)).toContain('Ketik jumlahnya (2759)');
    expect(confirmationProblem(true, 'population', 2759, 2758)).toContain('(2758) tidak sama');
    expect(confirmationProblem(true, 'jkn', 12, 12)).toBeNull();
  });
});
