import { describe, expect, it } from 'vitest';
import { isNationalHoliday, nationalHolidayDates, nationalHolidays } from './holidays.js';

describe('national holidays of Indonesia', () => {
  it('2026: the sixteen public holidays, on their own calendar dates', () => {
    expect(nationalHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01', // Tahun Baru
      '2026-01-16', // Isra Mi'raj
      '2026-02-17', // Imlek
      '2026-03-19', // Nyepi
      '2026-03-20', // Idul Fitri (the library gives "2026-03-20 00:00:00 -0600")
      '2026-03-21',
      '2026-04-03', // Wafat Yesus Kristus
      '2026-05-01',
      '2026-05-14', // Kenaikan
      '2026-05-27', // Idul Adha
      '2026-05-31', // Waisak
      '2026-06-01', // Pancasila
      '2026-06-16', // Tahun Baru Islam
      '2026-08-17',
      '2026-08-25', // Maulid
      '2026-12-25',
    ]);
  });

  it("names Isra Mi'raj correctly (the library calls it Maulid)", () => {
    const byDate = new Map(nationalHolidays(2026).map((h) => [h.date, h.name]));
    expect(byDate.get('2026-01-16')).toBe("Isra Mi'raj Nabi Muhammad SAW");
    expect(byDate.get('2026-08-25')).toBe('Maulid Nabi Muhammad SAW');
    expect(byDate.get('2026-03-20')).toBe('Hari Raya Idul Fitri');
  });

  it('keeps two holidays that fall on one date, and answers by date', () => {
    const dec25 = nationalHolidays(2027).filter((h) => h.date === '2027-12-25');
    expect(dec25.length).toBe(2);
    expect(nationalHolidayDates(2027).has('2027-12-25')).toBe(true);
    expect(isNationalHoliday('2026-08-17')).toBe(true);
    expect(isNationalHoliday('2026-08-18')).toBe(false);
  });

  it('caches a year: the same frozen list comes back', () => {
    expect(nationalHolidays(2026)).toBe(nationalHolidays(2026));
    expect(Object.isFrozen(nationalHolidays(2026))).toBe(true);
  });

  it('refuses absurd years', () => {
    expect(() => nationalHolidays(1800)).toThrow(RangeError);
  });
});
