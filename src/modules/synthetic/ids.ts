import { encodeNik, type Sex } from '../population/index.js';
import { civilFromDays, two } from './dates.js';

/**
 * Unique NIK, KK and JKN card numbers without remembering every number issued.
 *
 * A NIK is unique by (district, encoded DDMMYY, sex, serial), so one counter
 * per (district, DDMMYY, sex) is enough. Clean rows take serials 1–8999 and
 * injected fault rows 9000–9999, so turning --faults on never changes a clean
 * row's NIK.
 */

export type IdRange = 'clean' | 'fault';

const SLOTS_PER_DISTRICT = 100 * 12 * 31 * 2;
const RANGE = { clean: { first: 1, size: 8999 }, fault: { first: 9000, size: 1000 } } as const;

export interface AllocatedNik {
  nik: string;
  /** YYYY-MM-DD, computed on the way. */
  birthDate: string;
  birthYear: number;
  birthDay: number;
}

export class NikAllocator {
  private readonly used: Record<IdRange, Uint16Array>;

  constructor(private readonly districtCodes: readonly string[]) {
    this.used = {
      clean: new Uint16Array(districtCodes.length * SLOTS_PER_DISTRICT),
      fault: new Uint16Array(districtCodes.length * SLOTS_PER_DISTRICT),
    };
  }

  /**
   * The next NIK for someone born on `birthDay` (a day number) in the district,
   * or null when that date's serials are used up (the caller picks another date).
   */
  allocate(district: number, birthDay: number, sex: Sex, range: IdRange = 'clean'): AllocatedNik | null {
    const { year, month, day } = civilFromDays(birthDay);
    const slot =
      district * SLOTS_PER_DISTRICT + (((year % 100) * 12 + month - 1) * 31 + day - 1) * 2 + (sex === 'P' ? 1 : 0);
    const counters = this.used[range];
    const n = counters[slot] as number;
    if (n >= RANGE[range].size) return null;
    counters[slot] = n + 1;
    const birthDate = `${year}-${two(month)}-${two(day)}`;
    const nik = encodeNik({
      regionCode: this.districtCodes[district] as string,
      birthDate,
      sex,
      serial: RANGE[range].first + n,
    });
    return { nik, birthDate, birthYear: year, birthDay };
  }
}

/**
 * KK numbers: district code, the card's issue date as DDMMYY, then a serial,
 * the way Dukcapil numbers them. Unique by a counter per (district, issue date).
 */
export class KkAllocator {
  private readonly used: Record<IdRange, Uint16Array>;
  private readonly firstDay: number;
  private readonly days: number;

  constructor(
    private readonly districtCodes: readonly string[],
    firstIssueDay: number,
    lastIssueDay: number,
  ) {
    this.firstDay = firstIssueDay;
    this.days = lastIssueDay - firstIssueDay + 1;
    this.used = {
      clean: new Uint16Array(districtCodes.length * this.days),
      fault: new Uint16Array(districtCodes.length * this.days),
    };
  }

  allocate(district: number, issueDay: number, range: IdRange = 'clean'): string | null {
    const offset = issueDay - this.firstDay;
    if (offset < 0 || offset >= this.days) throw new RangeError('KK issue date outside the allocator window');
    const slot = district * this.days + offset;
    const counters = this.used[range];
    const n = counters[slot] as number;
    if (n >= RANGE[range].size) return null;
    counters[slot] = n + 1;
    const { year, month, day } = civilFromDays(issueDay);
    return `${this.districtCodes[district]}${two(day)}${two(month)}${two(year % 100)}${String(RANGE[range].first + n).padStart(4, '0')}`;
  }
}

/**
 * JKN card numbers: 13 digits, "000" then a rising 10-digit number with random
 * gaps, so they look scattered yet can never repeat. Fault rows use a
 * separate block above every clean number.
 */
export class CardNumbers {
  private next: number;

  constructor(start: number) {
    if (start < 1e9) throw new RangeError('JKN card blocks start at 10^9');
    this.next = start;
  }

  take(gap: number): string {
    this.next += Math.max(1, gap);
    if (this.next >= 1e10) throw new RangeError('JKN card numbers exhausted');
    // Blocks start at 10^9, so the number always has 10 digits.
    return `000${this.next}`;
  }
}
