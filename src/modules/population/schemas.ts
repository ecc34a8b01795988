import { z } from 'zod';
import { isoDate } from '../../platform/schemas.js';

/**
 * The population routes' requests and answers (person search, person record, family), shared with
 * the web app as types (`import type`). Imports only zod and the shared primitives.
 */

export const searchQuery = z.object({
  q: z.string().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SearchQuery = z.output<typeof searchQuery>;

// NIK and KK are checked by the service, which answers INVALID_NIK / INVALID_KK in its own words.
export const personParams = z.object({ nik: z.string() });
export const familyParams = z.object({ noKk: z.string() });

export const personListItem = z.object({
  nik: z.string(),
  name: z.string(),
  sex: z.enum(['L', 'P']),
  birthDate: isoDate,
  noKk: z.string(),
  relation: z.string(),
  villageCode: z.string(),
  villageName: z.string().nullable(),
  ektpRecorded: z.boolean(),
  deathDate: isoDate.nullable(),
  movedOutDate: isoDate.nullable(),
});
export type PersonListItem = z.output<typeof personListItem>;

export const personSearch = z.object({ items: z.array(personListItem), truncated: z.boolean() });

export const personDetail = personListItem.extend({
  birthPlace: z.string().nullable(),
  address: z.string().nullable(),
  rt: z.string().nullable(),
  rw: z.string().nullable(),
  districtName: z.string().nullable(),
  firstSeenAsOf: isoDate,
  lastSeenAsOf: isoDate,
  /** What the NIK itself says against the record (birth date, sex), in words. */
  nikWarnings: z.array(z.string()),
});
export type PersonDetail = z.output<typeof personDetail>;

/** The person's open JKN membership period. */
export const jknMembership = z.object({
  segment: z.string(),
  class: z.number().int(),
  status: z.string(),
  cardNumber: z.string(),
  arrearsMonths: z.number().int().nullable(),
  validFrom: isoDate,
});
export type JknMembership = z.output<typeof jknMembership>;

export const personRecord = z.object({ person: personDetail, jkn: jknMembership.nullable() });
export type PersonRecord = z.output<typeof personRecord>;

export const family = z.object({ noKk: z.string(), hasHead: z.boolean(), members: z.array(personListItem) });
export type Family = z.output<typeof family>;
