import { describe, expect, it } from 'vitest';
import { flaggedNote, flagList } from './reissue.js';

describe('flagList', () => {
  it('lists the reasons in a fixed order with their labels, leaving out zero counts', () => {
    expect(flagList({ NO_LONGER_PBI: 1, MEMBER_DIED: 2, MEMBER_ADDED: 0 })).toEqual([
      { reason: 'MEMBER_DIED', label: 'anggota meninggal', members: 2 },
      { reason: 'NO_LONGER_PBI', label: 'anggota tidak lagi peserta JKN-PBI', members: 1 },
    ]);
    expect(flagList(undefined)).toEqual([]);
  });
});

describe('flaggedNote', () => {
  it('says in words why the card was reissued, within the 500 characters a note may have', () => {
    const note = flaggedNote(flagList({ BECAME_PBI: 1, MEMBER_MOVED: 2 }));
    expect(note).toBe(
      'Penerbitan ulang karena perubahan kepesertaan: anggota pindah ke luar daerah (2), anggota menjadi peserta JKN-PBI (1).',
    );
    expect(flaggedNote([]).length).toBeGreaterThanOrEqual(5);
    expect(flaggedNote(Array.from({ length: 50 }, () => flagList({ MEMBER_ADDED: 9 })[0]!)).length).toBeLessThanOrEqual(
      500,
    );
  });
});
