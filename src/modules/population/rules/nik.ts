/**
 * NIK (Nomor Induk Kependudukan) structure, SPEC MEM-2.
 *
 *   PP KK DD  DDMMYY  SSSS
 *   │  │  │   │       └ serial, never 0000
 *   │  │  │   └ birth date; women have 40 added to the day
 *   │  │  └ district (kecamatan)
 *   │  └ regency/city (kabupaten/kota)
 *   └ province
 *
 * Pure: no I/O, no clock. The century is not encoded, so a YY is checked
 * against both 19YY and 20YY and accepted when either makes the date real.
 */

export type Sex = 'L' | 'P';

export interface NikParts {
  /** The 6-digit district code: province + regency + district. */
  regionCode: string;
  province: string;
  regency: string;
  district: string;
  /** Day of birth, 1–31, with the +40 for women already removed. */
  day: number;
  month: number;
  /** Two-digit year of birth, 0–99. */
  yy: number;
  sex: Sex;
  serial: string;
}

export type NikProblem = {
  code: 'NIK_FORMAT' | 'NIK_DATE' | 'NIK_SERIAL' | 'NIK_REGION';
  message: string;
};

const WOMAN_DAY_OFFSET = 40;
const NIK_SHAPE = /^\d{16}$/;

export function isNikShape(s: string): boolean {
  return NIK_SHAPE.test(s);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Most days a month can have for a two-digit year, in either century. */
function maxDayForYy(month: number, yy: number): number {
  return Math.max(daysInMonth(1900 + yy, month), daysInMonth(2000 + yy, month));
}

function problem(code: NikProblem['code'], message: string): { ok: false; problem: NikProblem } {
  return { ok: false, problem: { code, message } };
}

export function parseNik(nik: string): { ok: true; parts: NikParts } | { ok: false; problem: NikProblem } {
  if (typeof nik !== 'string' || !NIK_SHAPE.test(nik)) {
    return problem('NIK_FORMAT', 'NIK harus 16 digit angka.');
  }
  const province = nik.slice(0, 2);
  const regency = nik.slice(2, 4);
  const district = nik.slice(4, 6);
  if (province === '00') return problem('NIK_REGION', 'Kode provinsi pada NIK (digit 1–2) tidak boleh 00.');
  if (regency === '00') return problem('NIK_REGION', 'Kode kabupaten/kota pada NIK (digit 3–4) tidak boleh 00.');
  if (district === '00') return problem('NIK_REGION', 'Kode kecamatan pada NIK (digit 5–6) tidak boleh 00.');

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  if (rawDay === 0 || rawDay === WOMAN_DAY_OFFSET) {
    return problem('NIK_DATE', `Tanggal lahir pada NIK (digit 7–8) tidak boleh ${nik.slice(6, 8)}.`);
  }
  if (rawDay > 31 && rawDay < WOMAN_DAY_OFFSET) {
    return problem(
      'NIK_DATE',
      `Tanggal lahir pada NIK (digit 7–8) bernilai ${rawDay}: harus 01–31 untuk laki-laki atau 41–71 untuk perempuan.`,
    );
  }
  if (rawDay > WOMAN_DAY_OFFSET + 31) {
    return problem(
      'NIK_DATE',
      `Tanggal lahir pada NIK (digit 7–8) bernilai ${rawDay}: perempuan ditulis 41–71 (tanggal ditambah 40).`,
    );
  }
  if (month < 1 || month > 12) {
    return problem('NIK_DATE', `Bulan lahir pada NIK (digit 9–10) bernilai ${nik.slice(8, 10)}: harus 01–12.`);
  }
  const sex: Sex = rawDay > WOMAN_DAY_OFFSET ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - WOMAN_DAY_OFFSET : rawDay;
  if (day > maxDayForYy(month, yy)) {
    return problem(
      'NIK_DATE',
      `Tanggal lahir pada NIK tidak ada di kalender: ${String(day).padStart(2, '0')}-${nik.slice(8, 10)}-${nik.slice(10, 12)}.`,
    );
  }
  const serial = nik.slice(12, 16);
  if (serial === '0000') return problem('NIK_SERIAL', 'Nomor urut pada NIK (digit 13–16) tidak boleh 0000.');

  return {
    ok: true,
    parts: { regionCode: nik.slice(0, 6), province, regency, district, day, month, yy, sex, serial },
  };
}

/** The decimal number in s[from, to), or -1 if any character there is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * A real YYYY-MM-DD calendar date, or null. Hand-rolled rather than a regex
 * because the synthetic generator encodes millions of NIKs.
 */
function parseIsoDate(s: string): { year: number; month: number; day: number } | null {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/**
 * Compares the NIK's encoded DDMMYY and sex with a record's birth date
 * (YYYY-MM-DD) and sex. null = consistent. A birth date that is not a real
 * YYYY-MM-DD date cannot agree with the NIK, so it counts as a mismatch.
 */
export function nikMismatch(parts: NikParts, birthDate: string, sex: Sex): null | { birthDate: boolean; sex: boolean } {
  const d = parseIsoDate(birthDate);
  const dateDiffers = !d || d.day !== parts.day || d.month !== parts.month || d.year % 100 !== parts.yy;
  const sexDiffers = sex !== parts.sex;
  return dateDiffers || sexDiffers ? { birthDate: dateDiffers, sex: sexDiffers } : null;
}

/**
 * Builds a NIK. `regionCode` is the 6-digit district code (dots allowed, e.g.
 * `32.75.01`). Throws a RangeError on input that cannot make a valid NIK, so a
 * caller's bug surfaces instead of writing a NIK that parseNik would reject.
 */
export function encodeNik(input: { regionCode: string; birthDate: string; sex: Sex; serial: number }): string {
  const region = input.regionCode.includes('.') ? input.regionCode.replaceAll('.', '') : input.regionCode;
  if (!/^\d{6}$/.test(region)) throw new RangeError(`regionCode harus 6 digit: ${input.regionCode}`);
  if (region.slice(0, 2) === '00' || region.slice(2, 4) === '00' || region.slice(4, 6) === '00') {
    throw new RangeError(`regionCode tidak boleh memuat bagian 00: ${input.regionCode}`);
  }
  const d = parseIsoDate(input.birthDate);
  if (!d) throw new RangeError(`birthDate bukan tanggal YYYY-MM-DD yang sah: ${input.birthDate}`);
  if (input.sex !== 'L' && input.sex !== 'P') throw new RangeError(`sex harus L atau P: ${String(input.sex)}`);
  if (!Number.isInteger(input.serial) || input.serial < 1 || input.serial > 9999) {
    throw new RangeError(`serial harus 1..9999: ${input.serial}`);
  }
  const dd = input.sex === 'P' ? d.day + WOMAN_DAY_OFFSET : d.day;
  return `${region}${PAD2[dd]}${PAD2[d.month]}${PAD2[d.year % 100]}${String(input.serial).padStart(4, '0')}`;
}
