/**
 * Left only for web/src/modules/guarantees/SjpFormPage.tsx until it imports the type from
 * '@server/modules/referrals/schemas' itself; the referral pages no longer use this file. Delete it then.
 */
export type { Referral } from '@server/modules/referrals/schemas';
