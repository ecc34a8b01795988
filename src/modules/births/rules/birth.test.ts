import { describe, expect, it } from 'vitest';
import { encodeNik } from '../../population/index.js';
import { checkBirth, type BirthInput } from './birth.js';

const mother = encodeNik({ regionCode: '327501', birthDate: '1995-04-02', sex: 'P', serial: 3 });
const base: BirthInput = {
  childNik: null,
  childName: 'BAYI NY. SITI',
  sex: 'L',
  birthDate: '2026-11-20',
  motherNik: mother,
  fatherNik: null,
  documentKind: 'SURAT_KETERANGAN_LAHIR',
  documentNumber: 'SKL/123/XI/2026',
};
const fields = (b: Partial<BirthInput>, today = '2026-11-22') =>
  checkBirth({ ...base, ...b }, today).map((p) => p.field);

describe('checkBirth', () => {
  it('accepts a newborn with a parent and a document', () => {
    expect(fields({})).toEqual([]);
  });

  it('refuses a birth in the future or more than a year ago, naming the field', () => {
    expect(fields({ birthDate: '2026-11-23' })).toEqual(['birthDate']);
    expect(fields({ birthDate: '2025-11-20' })).toEqual(['birthDate']);
    expect(fields({ birthDate: '2025-11-22' })).toEqual([]);
  });

  it('needs a parent, valid parent NIKs and a document number', () => {
    expect(fields({ motherNik: null })).toEqual(['motherNik']);
    expect(fields({ motherNik: '3275010000000000' })).toContain('motherNik');
    expect(fields({ documentNumber: ' ' })).toEqual(['documentNumber']);
  });

  it("checks the child's NIK against the birth date and sex", () => {
    const good = encodeNik({ regionCode: '327501', birthDate: '2026-11-20', sex: 'L', serial: 9 });
    expect(fields({ childNik: good })).toEqual([]);
    expect(fields({ childNik: good, sex: 'P' })).toEqual(['childNik']);
    expect(fields({ childNik: mother })).toContain('childNik');
  });
});
