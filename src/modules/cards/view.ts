import { verificationUrl } from '../../platform/documents/pdf.js';
import type { CardMemberRow, CardRow } from './repo.js';
import { printState } from './rules/lifecycle.js';

/** A card as the office API shows it. */
export function cardView(c: CardRow, publicUrl: string, members?: readonly CardMemberRow[]) {
  return {
    id: c.id,
    number: c.number,
    noKk: c.noKk,
    status: c.status,
    issuedOn: c.issuedOn,
    endedOn: c.endedOn,
    regionCode: c.regionCode,
    regencyName: c.regencyName,
    villageCode: c.villageCode,
    villageName: c.villageName,
    districtName: c.districtName,
    headName: c.headName,
    address: c.address,
    rt: c.rt,
    rw: c.rw,
    issueReason: c.issueReason,
    issueNote: c.issueNote,
    issuedBy: c.issuedBy,
    replacesCardId: c.replacesCardId,
    replacedByCardId: c.replacedByCardId,
    endReason: c.endReason,
    endNote: c.endNote,
    endedBy: c.endedBy,
    printState: printState(c),
    printedOn: c.printedOn,
    printBatchId: c.printBatchId,
    handedOverOn: c.handedOverOn,
    handedOverTo: c.handedOverTo,
    memberCount: c.memberCount,
    includedCount: c.includedCount,
    verifyUrl: verificationUrl(publicUrl, 'kartu', c.verifyCode),
    ...(members
      ? {
          members: members.map((m) => ({
            nik: m.nik,
            name: m.name,
            relation: m.relation,
            birthDate: m.birthDate,
            sex: m.sex,
            included: m.included,
            pendingReason: m.pendingReason,
            coverage: m.coverage,
            coverageBasis: m.coverageBasis,
            coverageRule: m.coverageRule,
            jknSegment: m.jknSegment,
          })),
        }
      : {}),
  };
}

export type CardView = ReturnType<typeof cardView>;
