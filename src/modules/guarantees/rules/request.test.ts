import { describe, expect, it } from 'vitest';
import { admissionCheck, cutoffCheck, diagnosisCheck, subjectCheck, validityCheck, zonedInstant } from './request.js';

const now = new Date('2026-11-20T08:00:00Z');

describe('zonedInstant', () => {
  it('takes ISO text with Z or an offset, refuses text without a zone or no time at all', () => {
    expect(zonedInstant('2026-11-20T15:00:00+07:00')?.toISOString()).toBe('2026-11-20T08:00:00.000Z');
    expect(zonedInstant('2026-11-20T08:00:00Z')).not.toBeNull();
    expect(zonedInstant('2026-11-20T15:00:00+0700')).not.toBeNull();
    expect(zonedInstant('2026-11-20T15:00:00')).toBeNull();
    expect(zonedInstant('kemarin Z')).toBeNull();
  });
});

describe('admissionCheck (SJP-1)', () => {
  it('refuses an admission without a zone as malformed input', () => {
    const r = admissionCheck('2026-11-20T10:00:00', 'INPATIENT', now);
    expect(r).toMatchObject({ ok: false, refusal: { kind: 'invalid', code: 'SJP_ADMITTED_AT' } });
  });
  it('refuses a stay that starts in the future, but allows ten minutes of clock skew', () => {
    expect(admissionCheck('2026-11-20T08:09:00Z', 'INPATIENT', now).ok).toBe(true);
    expect(admissionCheck('2026-11-20T08:11:00Z', 'INPATIENT', now)).toMatchObject({
      ok: false,
      refusal: { kind: 'rule', code: 'SJP_ADMITTED_AT', message: 'Waktu masuk rawat tidak boleh di masa depan.' },
    });
  });
  it('lets an outpatient visit be planned ahead', () => {
    expect(admissionCheck('2026-11-27T08:00:00Z', 'OUTPATIENT', now).ok).toBe(true);
  });
  it('refuses an admission more than 366 days ago', () => {
    expect(admissionCheck('2025-11-20T09:00:00Z', 'EMERGENCY', now).ok).toBe(true);
    expect(admissionCheck('2025-11-19T07:00:00Z', 'EMERGENCY', now)).toMatchObject({
      ok: false,
      refusal: { kind: 'rule', code: 'SJP_ADMITTED_AT' },
    });
  });
});

describe('diagnosisCheck', () => {
  it('normalises an ICD-10 code and refuses words', () => {
    expect(diagnosisCheck(' a09 ')).toEqual({ ok: true, code: 'A09' });
    expect(diagnosisCheck('j18.9')).toEqual({ ok: true, code: 'J18.9' });
    expect(diagnosisCheck('Z38.0')).toEqual({ ok: true, code: 'Z38.0' });
    expect(diagnosisCheck('diare')).toMatchObject({ ok: false, refusal: { kind: 'invalid', code: 'SJP_DIAGNOSIS' } });
    expect(diagnosisCheck('A9').ok).toBe(false);
    expect(diagnosisCheck('A09.12345').ok).toBe(false);
  });
});

describe('cutoffCheck (SJP-6)', () => {
  const admitted = new Date('2026-11-19T08:00:00Z');
  it('is nothing when no cut-off is given', () => {
    expect(cutoffCheck(null, 'OUTPATIENT', admitted, now)).toEqual({ ok: true, cutoff: null });
  });
  it('takes a cut-off within the stay', () => {
    const r = cutoffCheck('2026-11-19T20:00:00Z', 'INPATIENT', admitted, now);
    expect(r).toEqual({ ok: true, cutoff: new Date('2026-11-19T20:00:00Z') });
  });
  it('refuses unreadable text as malformed, an outpatient cut-off and one outside the stay as rules', () => {
    expect(cutoffCheck('besok', 'INPATIENT', admitted, now)).toMatchObject({ refusal: { kind: 'invalid' } });
    expect(cutoffCheck('2026-11-19T20:00:00Z', 'OUTPATIENT', admitted, now)).toMatchObject({
      refusal: { kind: 'rule', code: 'SJP_CUTOFF' },
    });
    expect(cutoffCheck('2026-11-19T07:00:00Z', 'INPATIENT', admitted, now)).toMatchObject({
      refusal: { kind: 'rule', code: 'SJP_CUTOFF', message: 'Batas biaya (cut-off) tidak boleh sebelum waktu masuk.' },
    });
    expect(cutoffCheck('2026-11-21T07:00:00Z', 'INPATIENT', admitted, now)).toMatchObject({
      refusal: { kind: 'rule', code: 'SJP_CUTOFF' },
    });
  });
});

describe('subjectCheck (SJP-4)', () => {
  const mother = '3275014107840001';
  const patient = '3275011503800001';
  it('the patient decides an ordinary request, the mother a newborn one', () => {
    expect(subjectCheck('INPATIENT', patient, null)).toEqual({ ok: true, nik: patient });
    expect(subjectCheck('NEWBORN', null, { motherNik: mother })).toEqual({ ok: true, nik: mother });
  });
  it('a newborn request needs its birth data, any other the NIK', () => {
    expect(subjectCheck('NEWBORN', patient, null)).toMatchObject({
      refusal: { kind: 'invalid', code: 'SJP_NEWBORN_REQUIRED' },
    });
    expect(subjectCheck('EMERGENCY', null, null)).toMatchObject({
      refusal: { kind: 'invalid', code: 'SJP_NIK_REQUIRED', message: 'NIK pasien wajib diisi.' },
    });
    expect(subjectCheck('NEWBORN', null, { motherNik: null })).toMatchObject({
      refusal: { kind: 'invalid', code: 'SJP_NIK_REQUIRED' },
    });
  });
});

describe('validityCheck (SJP-3)', () => {
  it('defaults to 30 days inclusive from the admission date', () => {
    expect(validityCheck('INPATIENT', '2026-11-20', null)).toEqual({
      ok: true,
      validFrom: '2026-11-20',
      validTo: '2026-12-19',
    });
  });
  it("takes the officer's date up to a year after admission", () => {
    expect(validityCheck('OUTPATIENT', '2026-11-20', '2026-11-20')).toMatchObject({ ok: true, validTo: '2026-11-20' });
    expect(validityCheck('OUTPATIENT', '2026-11-20', '2027-11-20')).toMatchObject({ ok: true });
    expect(validityCheck('OUTPATIENT', '2026-11-20', '2027-11-21')).toMatchObject({
      refusal: { kind: 'rule', code: 'SJP_VALIDITY', message: 'Masa berlaku SJP paling lama satu tahun.' },
    });
  });
  it('refuses an end before the admission date', () => {
    expect(validityCheck('INPATIENT', '2026-11-20', '2026-11-19')).toMatchObject({
      refusal: { kind: 'rule', code: 'SJP_VALIDITY' },
    });
  });
});
