import { z } from 'zod';
import { idParams, instant, isoDate, nik } from '../../platform/schemas.js';
import {
  AGREEMENT_STATUSES,
  FACILITY_CLASSES,
  FACILITY_KINDS,
  LEVELS,
  LOCATIONS,
  MONTHLY_STATUSES,
  OWNERSHIPS,
  SANCTION_KINDS,
  SERVICES,
} from './labels.js';

/**
 * The facility routes' contract: request and response schemas for validation, serialisation, the OpenAPI
 * document and the web app's types (`import type` from '@server/modules/facilities/schemas'). Imports only
 * zod, the platform's primitives and labels.ts, so the web typecheck never reaches server code.
 */

// ---- requests

export { idParams };

/** A facility code as the registry writes it; the path may carry it in lower case. */
export const facilityCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, 'Kode fasilitas tidak valid.')
  .transform((v) => v.toUpperCase());
export const codeParams = z.object({ code: facilityCode });

const count = z.number().int().min(0).max(10_000_000);
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berformat YYYY-MM.');

export const listQuery = z.object({
  kind: z.enum(FACILITY_KINDS).optional(),
  class: z.enum(FACILITY_CLASSES).optional(),
  location: z.enum(LOCATIONS).optional(),
  partner: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  q: z.string().max(100).optional(),
});
export type ListQuery = z.output<typeof listQuery>;

export const importBody = z.object({ csv: z.string().min(1).max(5_000_000) });

export const expiringQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(60) });

export const terminateBody = z.object({ terminatedOn: isoDate, reason: z.string().max(1000) });
export type TerminateInput = z.output<typeof terminateBody>;

export const bedBoardQuery = z.object({
  location: z.enum(LOCATIONS).optional(),
  sort: z.enum(['available', 'name', 'age']).default('available'),
});
export type BedBoardQuery = z.output<typeof bedBoardQuery>;

export const bedReportBody = z.object({
  class3Total: count,
  class3Available: count,
  aboveClassPatients: count.default(0),
});
export type BedReportInput = z.output<typeof bedReportBody>;

export const monthlyBody = z.object({
  period,
  outpatientVisits: count,
  inpatientAdmissions: count,
  class3PatientDays: count,
  referralsReceived: count,
  referralsBack: count,
  deaths: count,
});
export type MonthlyInput = z.output<typeof monthlyBody>;

export const monthlyQuery = z.object({ period });

export const emergencyBody = z.object({
  nik,
  admittedAt: z.string().max(40),
  condition: z.string().max(2000),
  onwardFacilityCode: facilityCode
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type EmergencyInput = z.output<typeof emergencyBody>;

/** What the administrator may change of one facility: code and kind (hence level and its users) stay. */
export const detailsBody = z.object({
  name: z.string().max(200),
  class: z.enum(FACILITY_CLASSES).nullable(),
  ownership: z.enum(OWNERSHIPS),
  location: z.enum(LOCATIONS),
  isRsud: z.boolean(),
  villageCode: z.string().max(20).nullable(),
  address: z.string().max(300).nullable(),
  phone: z.string().max(30).nullable(),
});
export type DetailsInput = z.output<typeof detailsBody>;

export const agreementBody = z.object({
  number: z.string().max(80),
  validFrom: isoDate,
  validTo: isoDate,
  services: z.array(z.enum(SERVICES)).min(1, 'Pilih paling sedikit satu layanan.').max(SERVICES.length),
  documentId: z.number().int().positive(),
});
export type AgreementInput = z.output<typeof agreementBody>;

export const sanctionBody = z.object({
  kind: z.enum(SANCTION_KINDS),
  imposedOn: isoDate,
  basis: z.string().max(2000),
  documentId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type SanctionInput = z.output<typeof sanctionBody>;

// ---- responses

export const uploadedDocument = z.object({
  id: z.number(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  fileName: z.string(),
});
export type UploadedDocument = z.output<typeof uploadedDocument>;

/** Registry columns are free text in the database (the CSV rule checks them), so the answer says string. */
export const facility = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(LEVELS),
  kind: z.string().nullable(),
  class: z.string().nullable(),
  ownership: z.string().nullable(),
  location: z.string().nullable(),
  isRsud: z.boolean(),
  villageCode: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  /** An agreement (PKS) in force today. */
  partner: z.boolean(),
});
export type Facility = z.output<typeof facility>;
export const facilityList = z.object({ rows: z.array(facility) });
export type FacilityList = z.output<typeof facilityList>;

export const agreement = z.object({
  id: z.number(),
  facilityCode: z.string(),
  facilityName: z.string(),
  number: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  services: z.array(z.string()),
  status: z.enum(AGREEMENT_STATUSES),
  terminatedOn: z.string().nullable(),
  terminationReason: z.string().nullable(),
  documentId: z.number().nullable(),
  inForce: z.boolean(),
  /** Only in the list of agreements about to end. */
  daysLeft: z.number().optional(),
});
export type Agreement = z.output<typeof agreement>;
export const agreementList = z.object({ rows: z.array(agreement) });
export type AgreementList = z.output<typeof agreementList>;

export const sanction = z.object({
  id: z.number(),
  facilityCode: z.string(),
  kind: z.string(),
  imposedOn: z.string(),
  basis: z.string(),
  documentId: z.number().nullable(),
  agreementId: z.number().nullable(),
});
export type Sanction = z.output<typeof sanction>;

export const facilityDetail = facility.extend({
  agreements: z.array(agreement),
  sanctions: z.array(sanction),
  latestBeds: z
    .object({
      reportedAt: instant,
      stale: z.boolean(),
      class3Total: z.number(),
      class3Available: z.number(),
      aboveClassPatients: z.number(),
    })
    .nullable(),
});
export type FacilityDetail = z.output<typeof facilityDetail>;

export const loaded = z.object({ loaded: z.number() });
export type Loaded = z.output<typeof loaded>;

export const bedEntry = z.object({
  facilityCode: z.string(),
  facilityName: z.string(),
  class: z.string().nullable(),
  location: z.string().nullable(),
  villageCode: z.string().nullable(),
  isRsud: z.boolean(),
  reportedAt: instant.nullable(),
  ageHours: z.number().nullable(),
  stale: z.boolean(),
  class3Total: z.number().nullable(),
  class3Available: z.number().nullable(),
  aboveClassPatients: z.number().nullable(),
});
export type BedEntry = z.output<typeof bedEntry>;
export const bedBoard = z.object({ staleAfterHours: z.number(), rows: z.array(bedEntry) });
export type BedBoard = z.output<typeof bedBoard>;

/** A filed bed report with the board entry it makes (none when the hospital has no agreement in force). */
export const bedReported = bedEntry.partial().extend({ id: z.number() });

export const bedHistory = z.object({
  rows: z.array(
    z.object({
      id: z.number(),
      reportedAt: instant,
      class3Total: z.number(),
      class3Available: z.number(),
      aboveClassPatients: z.number(),
    }),
  ),
});

export const monthlyReport = z.object({
  id: z.number(),
  facilityCode: z.string(),
  period: z.string(),
  outpatientVisits: z.number(),
  inpatientAdmissions: z.number(),
  class3PatientDays: z.number(),
  referralsReceived: z.number(),
  referralsBack: z.number(),
  deaths: z.number(),
  submittedAt: instant,
  dueDate: z.string(),
  status: z.enum(MONTHLY_STATUSES),
});
export type MonthlyReport = z.output<typeof monthlyReport>;
export const monthlyList = z.object({ rows: z.array(monthlyReport) });
export type MonthlyList = z.output<typeof monthlyList>;

export const monthlyOverview = z.object({
  period: z.string(),
  dueDate: z.string(),
  rows: z.array(
    z.object({
      facilityCode: z.string(),
      facilityName: z.string(),
      status: z.enum(MONTHLY_STATUSES),
      report: monthlyReport.nullable(),
    }),
  ),
});
export type MonthlyOverview = z.output<typeof monthlyOverview>;

export const emergencyReport = z.object({
  id: z.number(),
  facilityCode: z.string(),
  facilityName: z.string(),
  nik: z.string(),
  admittedAt: instant,
  condition: z.string(),
  onwardFacilityCode: z.string().nullable(),
  onwardFacilityName: z.string().nullable(),
  deadlineAt: instant,
  reportedAt: instant,
  onTime: z.boolean(),
  /** Coverage on the admission date, decided when the report was filed; null for reports filed before it was recorded. */
  coverage: z
    .object({
      eligible: z.boolean(),
      basis: z.string().nullable(),
      reasons: z.array(
        z.object({ code: z.string(), severity: z.enum(['BLOCK', 'WARN', 'INFO']), message: z.string() }),
      ),
    })
    .nullable(),
});
export type EmergencyReport = z.output<typeof emergencyReport>;
export const emergencyList = z.object({ rows: z.array(emergencyReport) });
export type EmergencyList = z.output<typeof emergencyList>;
