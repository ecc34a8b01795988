/**
 * Who owns each table (the module whose migrations and repository write it), and which tables an owner
 * publishes for other modules to read. Anything else is private: another module calls the owner's
 * service or reads a view the owner keeps. A new table goes here with its migration.
 */
export const TABLE_OWNERS: Record<string, string> = {
  // population
  person: 'population',
  population_import: 'population',
  // jkn
  jkn_import: 'jkn',
  jkn_membership: 'jkn',
  // poverty
  poverty_import: 'poverty',
  poverty_status: 'poverty',
  // membership
  membership_change: 'membership',
  program_setting: 'membership',
  // births
  birth_record: 'births',
  // cards
  family_card: 'cards',
  family_card_member: 'cards',
  family_card_print_batch: 'cards',
  // dinsos
  recommendation: 'dinsos',
  recommendation_counter: 'dinsos',
  // reconciliation
  reconciliation_change_set: 'reconciliation',
  reconciliation_item: 'reconciliation',
  // areas
  admin_area: 'areas',
  reference_version: 'areas',
  // facilities
  facility: 'facilities',
  facility_agreement: 'facilities',
  facility_sanction: 'facilities',
  bed_report: 'facilities',
  emergency_report: 'facilities',
  monthly_report: 'facilities',
  // referrals
  referral: 'referrals',
  referral_counter: 'referrals',
  // icd: the ICD-10 table and the primary-care competency list (REF-6) are both loaded by the icd module
  // (created in the referrals migration 0014, written only by icd/service.ts); referrals reads them through it.
  icd10: 'icd',
  primary_care_competency: 'icd',
  // guarantees
  sjp_request: 'guarantees',
  sjp_action: 'guarantees',
  sjp_counter: 'guarantees',
  sjp_deposit: 'guarantees',
  sjp_document: 'guarantees',
  sjp_event: 'guarantees',
  sjp_setting: 'guarantees',
  // access
  app_user: 'access',
  user_session: 'access',
  api_token: 'access',
  // platform
  audit_log: 'platform/audit',
  day_off: 'platform/calendar',
  stored_document: 'platform/documents',
  letterhead_setting: 'platform/documents',
  attempt_log: 'platform/http',
  job: 'platform/jobs',
  notification: 'platform/notifications',
  notification_read: 'platform/notifications',
};

interface Published {
  /** Modules (or platform parts) that may read it; '*' for all. */
  readers: string[];
  why: string;
}

/** Reads across a boundary that an owner allows, each with its reason. Writes are never allowed. */
export const PUBLISHED_READS: Record<string, Published> = {
  person: {
    readers: [
      'membership',
      'reports',
      'signals',
      'cards',
      'reconciliation',
      'births',
      'dinsos',
      'jkn',
      'poverty',
      'guarantees',
      'facilities',
      'referrals',
    ],
    why: 'The population register is the spine the other registers hang on: they join it by NIK to show names and places; the demo seeds pick people from it.',
  },
  facility: { readers: ['*'], why: 'The facility registry is reference data: names and kinds shown beside a code.' },
  admin_area: { readers: ['*'], why: 'Kemendagri areas are reference data: names shown beside a code.' },
  icd10: { readers: ['*'], why: 'ICD-10 is reference data: a diagnosis title shown beside its code.' },
  app_user: {
    readers: ['*'],
    why: 'Officers are named beside what they did (username and full name only; sessions and tokens stay private).',
  },
  jkn_membership: {
    readers: ['membership', 'reports', 'signals', 'cards', 'population', 'reconciliation', 'referrals'],
    why: 'Eligibility and the reports read JKN coverage in the same statement as the register, set-based; the referral demo seed skips residents JKN already covers (PBI).',
  },
  jkn_import: { readers: ['membership', 'reconciliation'], why: 'The as-of date of the JKN data an answer rests on.' },
  poverty_status: {
    readers: ['membership', 'reports'],
    why: 'Eligibility and its reports read DTKS status set-based.',
  },
  recommendation: {
    readers: ['membership', 'reports'],
    why: 'Eligibility and its reports read Dinsos letters set-based.',
  },
  birth_record: { readers: ['membership', 'reports'], why: 'Newborn cover follows the birth record (MEM-6).' },
  family_card: {
    readers: ['membership', 'reports', 'signals'],
    why: "An eligibility answer names the family's card and its status, read with the other facts in one statement; the timeline and reports show cards held.",
  },
  family_card_member: {
    readers: ['membership', 'reports', 'signals'],
    why: "An eligibility answer names the person's card (pending e-KTP or included); the timeline and reports show cards held.",
  },
  membership_change: {
    readers: ['cards', 'reconciliation'],
    why: 'Cards flag reissue and reconciliation shows what an approval changed, set-based.',
  },
  population_import: { readers: ['reconciliation'], why: 'A change set names the import it came from.' },
  referral: { readers: ['signals'], why: 'Misuse signals scan referrals set-based.' },
  sjp_request: { readers: ['signals'], why: 'Misuse signals scan guarantee letters set-based.' },
  sjp_action: { readers: ['signals'], why: 'Misuse signals scan guarantee letters set-based.' },
  audit_log: { readers: ['signals'], why: 'Misuse signals scan who read what, set-based.' },
};
