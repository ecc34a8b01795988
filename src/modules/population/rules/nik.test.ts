import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeNik, isNikShape, nikMismatch, parseNik, type NikParts, type Sex } from './nik.js';

function parsed(nik: string): NikParts {
  const r = parseNik(nik);
  if (!r.ok) throw new Error(`expected ${nik} to parse: ${r.problem.message}`);
  return r.parts;
}

function problemCode(nik: string): string | null {
  const r = parseNik(nik);
  return r.ok ? null : r.problem.code;
}

describe('parseNik', () => {
  it('reads a man from Bekasi Timur born 17 August 1985', () => {
    expect(parsed('3275011708850001')).toEqual({
      regionCode: '327501',
      province: '32',
      regency: '75',
      district: '01',
      day: 17,
      month: 8,
      yy: 85,
      sex: 'L',
      serial: '0001',
    });
  });

  it('reads a woman: 40 is added to the day', () => {
    const p = parsed('3275045703020123');
    expect(p.sex).toBe('P');
    expect(p.day).toBe(17);
    expect(p.month).toBe(3);
    expect(p.yy).toBe(2);
    expect(p.serial).toBe('0123');
    expect(parsed('3275047112990001')).toMatchObject({ day: 31, month: 12, sex: 'P' });
    expect(parsed('3275044101000001')).toMatchObject({ day: 1, month: 1, yy: 0, sex: 'P' });
  });

  it('rejects anything that is not 16 digits with NIK_FORMAT', () => {
    for (const bad of [
      '',
      '327501170885000',
      '32750117088500011',
      '32750117O8850001',
      ' 3275011708850001',
      '3275-01-170885-0001',
    ]) {
      const r = parseNik(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problem.code).toBe('NIK_FORMAT');
        expect(r.problem.message).toBe('NIK harus 16 digit angka.');
      }
    }
  });

  it('rejects a 00 province, regency or district with NIK_REGION', () => {
    expect(problemCode('0075011708850001')).toBe('NIK_REGION');
    expect(problemCode('3200011708850001')).toBe('NIK_REGION');
    expect(problemCode('3275001708850001')).toBe('NIK_REGION');
  });

  it('rejects impossible dates with NIK_DATE', () => {
    expect(problemCode('3275010008850001')).toBe('NIK_DATE'); // day 00
    expect(problemCode('3275013508850001')).toBe('NIK_DATE'); // day 35
    expect(problemCode('3275013208850001')).toBe('NIK_DATE'); // day 32
    expect(problemCode('3275014008850001')).toBe('NIK_DATE'); // 40 = a woman's day 0
    expect(problemCode('3275017208850001')).toBe('NIK_DATE'); // 72 = a woman's day 32
    expect(problemCode('3275019908850001')).toBe('NIK_DATE');
    expect(problemCode('3275011713850001')).toBe('NIK_DATE'); // month 13
    expect(problemCode('3275011700850001')).toBe('NIK_DATE'); // month 00
    expect(problemCode('3275013104850001')).toBe('NIK_DATE'); // 31 April
    expect(problemCode('3275017104850001')).toBe('NIK_DATE'); // a woman's 31 April
    expect(problemCode('3275013002850001')).toBe('NIK_DATE'); // 30 February
  });

  it('gives the reason in Bahasa Indonesia', () => {
    const r = parseNik('3275013508850001');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/Tanggal lahir pada NIK/);
    const m = parseNik('3275011713850001');
    if (!m.ok) expect(m.problem.message).toMatch(/Bulan lahir/);
  });

  it('accepts 29 February only when 19YY or 20YY is a leap year', () => {
    expect(parsed('3275012902840001').day).toBe(29); // 1984 / 2084
    expect(parsed('3275012902000001').yy).toBe(0); // 2000 is leap (1900 is not)
    expect(parsed('3275016902960001').sex).toBe('P');
    expect(problemCode('3275012902850001')).toBe('NIK_DATE');
    expect(problemCode('3275016902010001')).toBe('NIK_DATE');
  });

  it('rejects serial 0000 with NIK_SERIAL', () => {
    const r = parseNik('3275011708850000');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('NIK_SERIAL');
      expect(r.problem.message).toMatch(/0000/);
    }
  });
});

describe('nikMismatch', () => {
  const man = parsed('3275011708850001');

  it('is null when the record agrees', () => {
    expect(nikMismatch(man, '1985-08-17', 'L')).toBeNull();
    expect(nikMismatch(man, '2085-08-17', 'L')).toBeNull(); // the century is not encoded
  });

  it('says which part disagrees', () => {
    expect(nikMismatch(man, '1985-08-18', 'L')).toEqual({ birthDate: true, sex: false });
    expect(nikMismatch(man, '1986-08-17', 'L')).toEqual({ birthDate: true, sex: false });
    expect(nikMismatch(man, '1985-08-17', 'P')).toEqual({ birthDate: false, sex: true });
    expect(nikMismatch(man, '1985-07-17', 'P')).toEqual({ birthDate: true, sex: true });
  });

  it('treats a birth date that is not a real YYYY-MM-DD as disagreeing', () => {
    expect(nikMismatch(man, '17-08-1985', 'L')).toEqual({ birthDate: true, sex: false });
    expect(nikMismatch(man, '', 'L')).toEqual({ birthDate: true, sex: false });
  });
});

describe('encodeNik', () => {
  it('writes DDMMYY with +40 for women', () => {
    expect(encodeNik({ regionCode: '327501', birthDate: '1985-08-17', sex: 'L', serial: 1 })).toBe('3275011708850001');
    expect(encodeNik({ regionCode: '32.75.04', birthDate: '2002-03-17', sex: 'P', serial: 123 })).toBe(
      '3275045703020123',
    );
  });

  it('refuses input that cannot make a valid NIK', () => {
    expect(() => encodeNik({ regionCode: '3275', birthDate: '1985-08-17', sex: 'L', serial: 1 })).toThrow(RangeError);
    expect(() => encodeNik({ regionCode: '327500', birthDate: '1985-08-17', sex: 'L', serial: 1 })).toThrow(RangeError);
    expect(() => encodeNik({ regionCode: '327501', birthDate: '1985-02-29', sex: 'L', serial: 1 })).toThrow(RangeError);
    expect(() => encodeNik({ regionCode: '327501', birthDate: '1985-08-17', sex: 'L', serial: 0 })).toThrow(RangeError);
    expect(() => encodeNik({ regionCode: '327501', birthDate: '1985-08-17', sex: 'L', serial: 10000 })).toThrow(
      RangeError,
    );
  });
});

describe('isNikShape', () => {
  it('is true for exactly 16 ASCII digits', () => {
    expect(isNikShape('3275011708850001')).toBe(true);
    expect(isNikShape('327501170885000')).toBe(false);
    expect(isNikShape('3275011708850001\n')).toBe(false);
    expect(isNikShape('３２７５０１１７０８８５０００１')).toBe(false);
  });
});

// ---- properties ----

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

const regionArb = fc
  .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
  .map(([p, r, d]) => pad(p, 2) + pad(r, 2) + pad(d, 2));

const birthDateArb = fc
  .tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${y}-${pad(m, 2)}-${pad(Math.min(d, daysIn(y, m)), 2)}`);

const sexArb = fc.constantFrom<Sex>('L', 'P');
const serialArb = fc.integer({ min: 1, max: 9999 });
const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

describe('NIK properties', () => {
  it('every valid (region, date, sex, serial) encodes to a NIK that parses back to the same parts', () => {
    fc.assert(
      fc.property(regionArb, birthDateArb, sexArb, serialArb, (regionCode, birthDate, sex, serial) => {
        const nik = encodeNik({ regionCode, birthDate, sex, serial });
        expect(isNikShape(nik)).toBe(true);
        const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
        expect(parsed(nik)).toEqual({
          regionCode,
          province: regionCode.slice(0, 2),
          regency: regionCode.slice(2, 4),
          district: regionCode.slice(4, 6),
          day: d,
          month: m,
          yy: y % 100,
          sex,
          serial: pad(serial, 4),
        });
      }),
    );
  });

  it('parse → encode round-trips every valid NIK', () => {
    fc.assert(
      fc.property(regionArb, birthDateArb, sexArb, serialArb, (regionCode, birthDate, sex, serial) => {
        const nik = encodeNik({ regionCode, birthDate, sex, serial });
        const p = parsed(nik);
        const again = encodeNik({
          regionCode: p.regionCode,
          birthDate: `${birthDate.slice(0, 2)}${pad(p.yy, 2)}-${pad(p.month, 2)}-${pad(p.day, 2)}`,
          sex: p.sex,
          serial: Number(p.serial),
        });
        expect(again).toBe(nik);
      }),
    );
  });

  it("a woman's encoded day is 41–71 and a man's 01–31", () => {
    fc.assert(
      fc.property(regionArb, birthDateArb, sexArb, serialArb, (regionCode, birthDate, sex, serial) => {
        const dd = Number(encodeNik({ regionCode, birthDate, sex, serial }).slice(6, 8));
        if (sex === 'P') expect(dd >= 41 && dd <= 71).toBe(true);
        else expect(dd >= 1 && dd <= 31).toBe(true);
      }),
    );
  });

  it('nikMismatch is null exactly when birth date (DDMMYY) and sex agree', () => {
    fc.assert(
      fc.property(
        regionArb,
        birthDateArb,
        sexArb,
        serialArb,
        birthDateArb,
        sexArb,
        (regionCode, birthDate, sex, serial, otherDate, otherSex) => {
          const p = parsed(encodeNik({ regionCode, birthDate, sex, serial }));
          expect(nikMismatch(p, birthDate, sex)).toBeNull();
          const sameDdmmyy = otherDate.slice(2) === birthDate.slice(2);
          const r = nikMismatch(p, otherDate, otherSex);
          if (sameDdmmyy && otherSex === sex) expect(r).toBeNull();
          else expect(r).toEqual({ birthDate: !sameDdmmyy, sex: otherSex !== sex });
        },
      ),
    );
  });

  it('never throws on random 16-digit strings and always says ok or names a problem', () => {
    fc.assert(
      fc.property(fc.string({ unit: digit, minLength: 16, maxLength: 16 }), (s) => {
        const r = parseNik(s);
        if (r.ok) {
          expect(
            encodeNik({
              regionCode: r.parts.regionCode,
              birthDate: `20${pad(r.parts.yy, 2)}-${pad(r.parts.month, 2)}-${pad(Math.min(r.parts.day, daysIn(2000 + r.parts.yy, r.parts.month)), 2)}`,
              sex: r.parts.sex,
              serial: Number(r.parts.serial),
            }),
          ).toHaveLength(16);
        } else {
          expect(['NIK_DATE', 'NIK_SERIAL', 'NIK_REGION']).toContain(r.problem.code);
          expect(r.problem.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (s) => {
        const r = parseNik(s);
        if (!isNikShape(s)) expect(r.ok ? null : r.problem.code).toBe('NIK_FORMAT');
      }),
    );
  });
});
