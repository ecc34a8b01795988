import { describe, expect, it } from 'vitest';
import { endProblem, handoverProblem, printProblem, printState, type CardState } from './lifecycle.js';

const active: CardState = {
  number: 'KS-3275-0000001',
  status: 'ACTIVE',
  issuedOn: '2026-11-01',
  printedOn: null,
  handedOverOn: null,
};
const printed: CardState = { ...active, printedOn: '2026-11-05' };

describe('reissue and revoke', () => {
  it('allows only an active card, with a reason note', () => {
    expect(endProblem(active, 'Kartu hilang di pasar', 'reissue')).toBeNull();
    expect(endProblem(active, 'Keluarga pindah ke Bogor', 'revoke')).toBeNull();
    expect(endProblem({ ...active, status: 'REPLACED' }, 'Kartu hilang lagi', 'reissue')?.code).toBe('CARD_NOT_ACTIVE');
    expect(endProblem({ ...active, status: 'REVOKED' }, 'Aktifkan kembali', 'revoke')?.code).toBe('CARD_NOT_ACTIVE');
  });

  it('needs a note that says something', () => {
    expect(endProblem(active, '  ok ', 'reissue')?.code).toBe('REASON_REQUIRED');
    expect(endProblem(active, undefined, 'revoke')?.message).toMatch(/pencabutan/);
    expect(endProblem(active, 'x'.repeat(501), 'revoke')?.code).toBe('REASON_TOO_LONG');
  });
});

describe('printing and hand-over', () => {
  it('prints an active card once', () => {
    expect(printProblem({ ...active, printBatchId: null })).toBeNull();
    expect(printProblem({ ...printed, printBatchId: 7 })).toMatchObject({
      code: 'CARD_ALREADY_PRINTED',
      message: expect.stringContaining('batch 7'),
    });
    expect(printProblem({ ...active, status: 'REVOKED', printBatchId: null })?.code).toBe('CARD_NOT_ACTIVE');
  });

  it('hands over a printed card once, on a day between printing and today, to a named person', () => {
    expect(handoverProblem(printed, '2026-11-06', '2026-11-22', 'SITI AMINAH')).toBeNull();
    expect(handoverProblem(printed, '2026-11-05', '2026-11-22', 'SITI AMINAH')).toBeNull();
    expect(handoverProblem(active, '2026-11-06', '2026-11-22', 'SITI')?.code).toBe('CARD_NOT_PRINTED');
    expect(handoverProblem(printed, '2026-11-23', '2026-11-22', 'SITI')?.code).toBe('HANDOVER_DATE_FUTURE');
    expect(handoverProblem(printed, '2026-11-04', '2026-11-22', 'SITI')?.code).toBe('HANDOVER_BEFORE_PRINT');
    expect(handoverProblem(printed, '2026-11-06', '2026-11-22', '  ')?.code).toBe('RECIPIENT_REQUIRED');
    expect(handoverProblem({ ...printed, handedOverOn: '2026-11-10' }, '2026-11-11', '2026-11-22', 'SITI')?.code).toBe(
      'CARD_ALREADY_HANDED_OVER',
    );
    expect(handoverProblem({ ...printed, status: 'REPLACED' }, '2026-11-11', '2026-11-22', 'SITI')?.code).toBe(
      'CARD_NOT_ACTIVE',
    );
  });

  it('derives the print state', () => {
    expect(printState(active)).toBe('BELUM_CETAK');
    expect(printState(printed)).toBe('SUDAH_CETAK');
    expect(printState({ ...printed, handedOverOn: '2026-11-10' })).toBe('SUDAH_DISERAHKAN');
  });
});
