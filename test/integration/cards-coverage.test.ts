import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../src/platform/calendar/index.js';
import { POP_HEADER, csv, family, nikFor, popLine, type PersonRow } from '../helpers/fixtures.js';
import { importFile, testEnv, tokenFor, waitForJob, type TestEnv } from '../helpers/system.js';
import { importApproved, jknCsv, type JknRow } from '../helpers/factories.js';

/**
 * The card lists each member's coverage on the issue date (Perda 9/2018 ps. 7,
 * SPEC MEM-4/MEM-5, decision 0020), through HTTP on a real database (both
 * engines): a PBI member is marked "dijamin JKN-PBI", never covered by the
 * card; a dead member is not listed; a coverage change after issue flags the
 * card for reissue; the misuse signal fires only for a really wrong card.
 */

type Row = PersonRow & { nik: string };
let t: TestEnv;
let officer: string;
const today = todayJakarta();
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

// K: head, wife (PBI APBN when the card is issued), child under 17, a grandmother who died before.
const k = family('3275010101700001', 'KARTIKA') as Row[];
const [kHead, kWife, kChild] = k as [Row, Row, Row];
const kGran: Row = {
  nik: nikFor('1945-02-02', 'P'),
  noKk: '3275010101700001',
  name: 'ALM MBOK KARTIKA',
  sex: 'P',
  birthDate: '1945-02-02',
  relation: 'ORANG TUA',
  deathDate: '2025-06-01',
};
// L: an ordinary family; after issue the wife dies and the child moves away.
const l = family('3275010101700002', 'LESTARI') as Row[];
// M: untouched after issue.
const m = family('3275010101700003', 'MULYA') as Row[];
// P: one person, who dies after issue: the bulk reissue revokes the card.
const solo = (family('3275010101700005', 'PRATAMA') as Row[]).slice(0, 1);
// N: everyone is PBI: no card.
const n = family('3275010101700004', 'NUSANTARA') as Row[];
const newborn = { nik: nikFor(daysAgo(2), 'L'), name: 'BAYI KARTIKA', birthDate: daysAgo(2) };

const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: { authorization: officer } });

// The JKN file: the wife and family N are PBI from 60 days ago.
const jknAtIssue: JknRow[] = [
  { nik: kWife.nik, segment: 'PBI_APBN', startDate: daysAgo(60) },
  ...n.map((p) => ({ nik: p.nik, segment: 'PBI_APBD', startDate: daysAgo(60) })),
];

async function activeCard(noKk: string) {
  const fam = (await api('GET', `/api/v1/cards/families/${noKk}`)).json();
  return { fam, card: fam.active };
}

const byNik = (members: { nik: string }[]) => Object.fromEntries(members.map((x) => [x.nik, x]));

beforeAll(async () => {
  t = await testEnv();
  officer = (await tokenFor(t.sys, 'kepesertaan')).authorization;
  await importFile(
    t,
    'population',
    'pop.csv',
    csv(POP_HEADER, [...k, kGran, ...l, ...m, ...n, ...solo].map(popLine)),
    daysAgo(30),
  );
  await importApproved(t, 'jkn', 'jkn.csv', jknCsv(jknAtIssue), daysAgo(30));
});
afterAll(async () => {
  await t?.close();
});

describe('card members and their coverage on the issue date', () => {
  it('marks the PBI member "dijamin JKN-PBI", includes the covered ones and leaves the dead grandmother off', async () => {
    const r = await api('POST', '/api/v1/cards', { noKk: kHead.noKk });
    expect(r.statusCode).toBe(201);
    const card = r.json();
    expect(card.members.map((x: { nik: string }) => x.nik)).toEqual([kHead.nik, kWife.nik, kChild.nik]);
    const mm = byNik(card.members);
    expect(mm[kHead.nik]).toMatchObject({
      included: true,
      coverage: 'COVERED',
      coverageBasis: 'RESIDENT',
      coverageRule: 'MEM-3.1',
    });
    expect(mm[kWife.nik]).toMatchObject({
      included: false,
      pendingReason: null,
      coverage: 'PBI_JKN',
      jknSegment: 'PBI_APBN',
      coverageRule: 'MEM-4',
    });
    expect(mm[kChild.nik]).toMatchObject({ included: true, coverage: 'COVERED' });
    expect(card).toMatchObject({ memberCount: 3, includedCount: 2 });

    // Stored per member, so the printed card can be explained later.
    const stored = await t.sys.db.query<{
      nik: string;
      included: boolean;
      coverage: string;
      jkn_segment: string | null;
    }>(
      `SELECT m.nik, m.included, m.coverage, m.jkn_segment FROM family_card_member m WHERE m.card_id = $1 ORDER BY position`,
      [card.id],
    );
    expect(stored.rows.find((x) => x.nik === kWife.nik)).toMatchObject({
      included: false,
      coverage: 'PBI_JKN',
      jkn_segment: 'PBI_APBN',
    });
    // The eligibility rule sees no card covering the PBI wife.
    const wife = (await api('GET', `/api/v1/eligibility?nik=${kWife.nik}`)).json();
    expect(wife).toMatchObject({ eligible: false });
    expect(wife.card?.status ?? null).not.toBe('ACTIVE');
    for (const fam of [l, m, solo])
      expect((await api('POST', '/api/v1/cards', { noKk: fam[0]!.noKk })).statusCode).toBe(201);
  });

  it('refuses a card for a family whose members are all PBI', async () => {
    const r = await api('POST', '/api/v1/cards', { noKk: n[0]!.noKk });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('NO_MEMBER_COVERED');
    const fam = (await api('GET', `/api/v1/cards/families/${n[0]!.noKk}`)).json();
    expect(fam).toMatchObject({ canIssue: false, coveredCount: 0 });
    expect(fam.members.every((x: { coverage: string }) => x.coverage === 'PBI_JKN')).toBe(true);
  });

  it('does not report the correctly issued card as a PBI member on an active card, nor flag it', async () => {
    const signal = (await api('GET', '/api/v1/signals/PBI_WITH_ACTIVE_CARD')).json();
    expect(signal.total).toBe(0);
    expect((await api('GET', '/api/v1/cards/reissue-flagged')).json()).toMatchObject({ total: 0 });
    const { fam } = await activeCard(kHead.noKk);
    expect(fam).toMatchObject({ outdated: false, reissueFlags: [] });
  });
});

describe('coverage changes after issue', () => {
  it('flags exactly the cards whose members changed, with the reasons, set-based', async () => {
    // K: the head becomes PBI and the wife's PBI ends (today's JKN file, reviewed and approved).
    await importApproved(
      t,
      'jkn',
      'jkn-2.csv',
      jknCsv([
        ...jknAtIssue.filter((r) => r.nik !== kWife.nik),
        { nik: kHead.nik, segment: 'PBI_APBD', startDate: daysAgo(1) },
      ]),
      today,
    );
    // K: a baby is born and added to the KK; L: the child moves out of the city (today's Dukcapil file).
    const baby: Row = {
      nik: newborn.nik,
      noKk: kHead.noKk,
      name: newborn.name,
      sex: 'L',
      birthDate: newborn.birthDate,
      relation: 'ANAK',
      ektp: 'N',
    };
    await importApproved(
      t,
      'population',
      'pop-2.csv',
      csv(
        POP_HEADER,
        [...k, baby, kGran, ...l.slice(0, 2), { ...l[2]!, movedOutDate: today }, ...m, ...n, ...solo].map(popLine),
      ),
      today,
    );
    // L: the wife dies (recorded as a membership change).
    expect(
      (
        await api('POST', `/api/v1/persons/${l[1]!.nik}/changes`, {
          kind: 'DEATH',
          effectiveDate: daysAgo(1),
          reason: 'Surat kematian kelurahan',
        })
      ).statusCode,
    ).toBe(201);
    // P: the only member dies.
    expect(
      (
        await api('POST', `/api/v1/persons/${solo[0]!.nik}/changes`, {
          kind: 'DEATH',
          effectiveDate: today,
          reason: 'Surat kematian kelurahan',
        })
      ).statusCode,
    ).toBe(201);

    const summary = (await api('GET', '/api/v1/cards/reissue-flagged')).json();
    expect(summary.total).toBe(3);
    expect(
      Object.fromEntries(summary.byReason.map((x: { reason: string; cards: number }) => [x.reason, x.cards])),
    ).toEqual({
      MEMBER_DIED: 2,
      MEMBER_MOVED: 1,
      MEMBER_ADDED: 1,
      BECAME_PBI: 1,
      NO_LONGER_PBI: 1,
    });
    const { fam } = await activeCard(kHead.noKk);
    expect(fam.outdated).toBe(true);
    expect(fam.reissueFlags.map((f: { reason: string }) => f.reason)).toEqual([
      'MEMBER_ADDED',
      'BECAME_PBI',
      'NO_LONGER_PBI',
    ]);

    // The print queue: the "perlu cetak ulang" tab with its count, each card with its reasons.
    const queue = (await api('GET', '/api/v1/cards?needsReissue=true')).json();
    expect(queue.totals.PERLU_CETAK_ULANG).toBe(3);
    expect(queue.items.map((c: { noKk: string }) => c.noKk).sort()).toEqual([kHead.noKk, l[0]!.noKk, solo[0]!.noKk]);
    const lCard = queue.items.find((c: { noKk: string }) => c.noKk === l[0]!.noKk);
    expect(lCard.reissueFlags.map((f: { reason: string; members: number }) => [f.reason, f.members])).toEqual([
      ['MEMBER_DIED', 1],
      ['MEMBER_MOVED', 1],
    ]);
    const all = (await api('GET', '/api/v1/cards')).json();
    expect(all.items.find((c: { noKk: string }) => c.noKk === m[0]!.noKk).reissueFlags).toEqual([]);
  });

  it('signals only the member printed as covered who is now PBI', async () => {
    const signal = (await api('GET', '/api/v1/signals/PBI_WITH_ACTIVE_CARD')).json();
    expect(signal.items.map((x: { nik: string }) => x.nik)).toEqual([kHead.nik]);
    expect(signal.items[0].evidence).toMatchObject({ segment: 'PBI_APBD', coverageAtIssue: 'COVERED' });
  });

  it('reissues the flagged cards in bulk once their count is confirmed', async () => {
    const wrong = await api('POST', '/api/v1/cards/reissue-flagged', { expected: 2 });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('FLAGGED_COUNT_CHANGED');
    const r = await api('POST', '/api/v1/cards/reissue-flagged', { expected: 3 });
    expect(r.statusCode).toBe(202);
    const job = await waitForJob(t.sys, r.json().jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ flagged: 3, reissued: 2, revoked: 1, skippedNoEktp: 0 });

    const { fam, card } = await activeCard(kHead.noKk);
    expect(card.issueReason).toBe('PERUBAHAN_DATA');
    const mm = byNik(card.members);
    expect(mm[kHead.nik]).toMatchObject({ included: false, coverage: 'PBI_JKN', jknSegment: 'PBI_APBD' });
    expect(mm[kWife.nik]).toMatchObject({ included: true, coverage: 'COVERED' });
    expect(mm[newborn.nik]).toMatchObject({ included: true, coverage: 'COVERED' });
    expect(fam).toMatchObject({ outdated: false, reissueFlags: [] });
    const old = fam.history.find((c: { status: string }) => c.status === 'REPLACED');
    expect(old.endNote).toMatch(/menjadi peserta JKN-PBI/);

    const lCard = (await activeCard(l[0]!.noKk)).card;
    expect(lCard.members.map((x: { nik: string }) => x.nik)).toEqual([l[0]!.nik]);
    // Nobody covered is left on P's card: revoked, not reissued.
    const p = (await activeCard(solo[0]!.noKk)).fam;
    expect(p.active).toBeNull();
    expect(p.history[0]).toMatchObject({ status: 'REVOKED', endReason: 'TIDAK_MEMENUHI_SYARAT' });

    expect((await api('GET', '/api/v1/cards/reissue-flagged')).json().total).toBe(0);
    expect((await api('GET', '/api/v1/signals/PBI_WITH_ACTIVE_CARD')).json().total).toBe(0);
    const audited = await t.sys.db.query(`SELECT 1 FROM audit_log WHERE action = 'card.reissue_flagged'`);
    expect(audited.rows).toHaveLength(1);
  });
});
