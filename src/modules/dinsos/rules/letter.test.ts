import { describe, expect, it } from 'vitest';
import { checkNewLetter, nikWarnings, normaliseNik, type NewLetterRequest, type RegistryPerson } from './letter.js';

const TODAY = '2026-11-22';
const BUDI_NIK = '3275011503800001'; // man, born 15-03-1980
const SITI_NIK = '3275015507840002'; // woman (55 = 15 + 40), born 15-07-1984

const budi: RegistryPerson = {
  nik: BUDI_NIK,
  noKk: '3275010101200001',
  name: 'BUDI SANTOSO',
  sex: 'L',
  birthDate: '1980-03-15',
  deathDate: null,
  movedOutDate: null,
  villageCode: '3275011001',
  address: 'JL. MAWAR NO. 1, RT 001/RW 002',
};

const poor: NewLetterRequest = {
  nik: BUDI_NIK,
  category: 'TIDAK_MAMPU',
  reason: 'Hasil asesmen pekerja sosial: tidak mampu membayar biaya rawat inap.',
};
const inmate: NewLetterRequest = {
  nik: SITI_NIK,
  category: 'WARGA_BINAAN_LAPAS',
  reason: 'Warga binaan yang memerlukan rawat inap.',
  institution: 'Lapas Perempuan Kelas IIA Bekasi',
  person: { name: '  siti   rahma ', birthDate: '1984-07-15', sex: 'P' },
};

function problems(req: NewLetterRequest, registry: RegistryPerson | null, today = TODAY) {
  const r = checkNewLetter(req, registry, today);
  return r.ok ? [] : r.problems.map((p) => `${p.kind}:${p.code}:${p.field}`);
}

describe('checkNewLetter — TIDAK_MAMPU', () => {
  it('issues for a living resident with the population record and the default validity', () => {
    const r = checkNewLetter(poor, budi, TODAY);
    expect(r).toEqual({
      ok: true,
      letter: {
        nik: BUDI_NIK,
        category: 'TIDAK_MAMPU',
        reason: poor.reason,
        institution: null,
        validFrom: TODAY,
        validTo: '2027-05-21',
        inPopulation: true,
        person: {
          name: 'BUDI SANTOSO',
          sex: 'L',
          birthDate: '1980-03-15',
          noKk: budi.noKk,
          villageCode: budi.villageCode,
          address: budi.address,
        },
      },
    });
  });

  it('refuses a NIK that is not in the population data', () => {
    expect(problems(poor, null)).toEqual(['rule:NOT_RESIDENT:nik']);
  });

  it('refuses a resident who moved out, from the day of the move', () => {
    expect(problems(poor, { ...budi, movedOutDate: TODAY })).toEqual(['rule:NOT_RESIDENT:nik']);
    expect(problems(poor, { ...budi, movedOutDate: '2026-11-23' })).toEqual([]);
  });

  it('refuses a deceased person', () => {
    expect(problems(poor, { ...budi, deathDate: '2026-10-01' })).toEqual(['rule:PERSON_DECEASED:nik']);
  });

  it('ignores an institution (a resident is not in an institution for this category)', () => {
    const r = checkNewLetter({ ...poor, institution: 'Panti X' }, budi, TODAY);
    expect(r.ok && r.letter.institution).toBeNull();
  });
});

describe('checkNewLetter — special groups (Perda 9/2018 art. 7(3))', () => {
  it('issues for a person outside the population data with the identity entered, normalised', () => {
    const r = checkNewLetter(inmate, null, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.letter).toMatchObject({
      category: 'WARGA_BINAAN_LAPAS',
      institution: 'Lapas Perempuan Kelas IIA Bekasi',
      inPopulation: false,
      validTo: '2027-11-21',
      person: { name: 'SITI RAHMA', sex: 'P', birthDate: '1984-07-15', noKk: null, villageCode: null, address: null },
    });
  });

  it('requires the institution for every special group', () => {
    for (const category of ['WARGA_BINAAN_LAPAS', 'ORANG_TERLANTAR', 'PENGHUNI_PANTI', 'TAHANAN']) {
      expect(problems({ ...inmate, category, institution: ' ' }, null)).toEqual([
        'rule:INSTITUTION_REQUIRED:institution',
      ]);
      expect(problems({ ...inmate, category, institution: undefined }, budi)).toEqual([
        'rule:INSTITUTION_REQUIRED:institution',
      ]);
    }
  });

  it('requires name, birth date and sex when the NIK is not in the population data', () => {
    expect(problems({ ...inmate, person: null }, null)).toEqual([
      'invalid:PERSON_NAME_REQUIRED:person.name',
      'invalid:PERSON_BIRTH_DATE_REQUIRED:person.birthDate',
      'invalid:PERSON_SEX_REQUIRED:person.sex',
    ]);
    expect(problems({ ...inmate, person: { ...inmate.person, birthDate: '2026-11-23' } }, null)).toEqual([
      'invalid:PERSON_BIRTH_DATE_REQUIRED:person.birthDate',
    ]);
  });

  it('uses the population record when there is one, whatever was typed, and accepts a person who moved out', () => {
    const r = checkNewLetter(
      { ...inmate, nik: BUDI_NIK, person: { name: 'TYPO', birthDate: '2000-01-01', sex: 'P' } },
      { ...budi, movedOutDate: '2025-01-01' },
      TODAY,
    );
    expect(r.ok && r.letter.person.name).toBe('BUDI SANTOSO');
    expect(r.ok && r.letter.inPopulation).toBe(true);
  });

  it('limits a detainee letter to 60 days', () => {
    expect(problems({ ...inmate, category: 'TAHANAN', validTo: '2027-01-21' }, null)).toEqual([
      'rule:VALIDITY_TOO_LONG:validTo',
    ]);
    const ok = checkNewLetter({ ...inmate, category: 'TAHANAN' }, null, TODAY);
    expect(ok.ok && ok.letter.validTo).toBe('2027-01-20');
  });
});

describe('checkNewLetter — input', () => {
  it('checks the NIK structure (MEM-2) and accepts typed separators', () => {
    expect(problems({ ...poor, nik: '12345' }, null)).toContain('invalid:INVALID_NIK:nik');
    expect(problems({ ...poor, nik: '3275013203800001' }, null)).toContain('invalid:INVALID_NIK:nik'); // month 03, day 32
    expect(problems({ ...poor, nik: '3275011503800000' }, null)).toContain('invalid:INVALID_NIK:nik'); // serial 0000
    expect(normaliseNik('3275 0115.0380-0001')).toBe(BUDI_NIK);
    expect(checkNewLetter({ ...poor, nik: '3275 0115 0380 0001' }, budi, TODAY).ok).toBe(true);
  });

  it('refuses an unknown category and a missing reason', () => {
    expect(problems({ ...poor, category: 'MISKIN' }, budi)).toEqual(['invalid:INVALID_CATEGORY:category']);
    expect(problems({ ...poor, reason: ' ok ' }, budi)).toEqual(['invalid:REASON_REQUIRED:reason']);
  });

  it('reports every problem at once', () => {
    expect(problems({ ...inmate, reason: '', institution: '', validFrom: '2026-01-01' }, null)).toEqual([
      'invalid:REASON_REQUIRED:reason',
      'rule:INSTITUTION_REQUIRED:institution',
      'rule:VALID_FROM_TOO_EARLY:validFrom',
    ]);
  });
});

describe('nikWarnings', () => {
  it('flags a NIK whose birth date or sex disagrees with the letter', () => {
    expect(nikWarnings(SITI_NIK, '1984-07-15', 'P')).toEqual([]);
    expect(nikWarnings(SITI_NIK, '1984-07-16', 'P')).toHaveLength(1);
    expect(nikWarnings(SITI_NIK, '1984-07-15', 'L')).toHaveLength(1);
    expect(nikWarnings(SITI_NIK, '1990-01-01', 'L')).toHaveLength(2);
  });
});
