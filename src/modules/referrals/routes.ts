import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import { KINDS, STATUSES } from './rules/referral.js';
import { PROXIMITY } from './rules/ranking.js';
import type { ReferralService } from './service.js';
import { sendFile } from '../../platform/http/download.js';

const reason = z.object({ code: z.string(), severity: z.string(), message: z.string() });
const referral = z.object({
  id: z.number(),
  number: z.string(),
  nik: z.string(),
  personName: z.string(),
  fromFacilityCode: z.string().nullable(),
  fromFacilityName: z.string().nullable(),
  toFacilityCode: z.string(),
  toFacilityName: z.string(),
  kind: z.enum(KINDS),
  diagnosisCode: z.string(),
  diagnosisTitle: z.string(),
  status: z.enum(STATUSES),
  createdAt: z.string(),
  createdOn: z.string(),
  emergency: z.boolean(),
  eligible: z.boolean(),
  eligibilityBasis: z.string().nullable(),
  eligibilityReasons: z.array(reason),
  competencyFlag: z.boolean(),
  competencyReview: z
    .object({
      verdict: z.enum(['JUSTIFIED', 'NOT_JUSTIFIED']),
      note: z.string(),
      reviewer: z.string(),
      reviewedAt: z.string(),
    })
    .nullable(),
  partner: z.boolean(),
  clinicalNotes: z.string(),
  bedConfirmedAt: z.string().nullable(),
  declinedReason: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  admittedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnCondition: z.string().nullable(),
  returnFollowUp: z.string().nullable(),
  verifyCode: z.string(),
  verifyUrl: z.string(),
  creatorName: z.string(),
});

const id = z.object({ id: z.coerce.number().int().positive() });
const text = z.string().max(4000).nullish();
const ACTIONS = {
  'confirm-bed': 'CONFIRM_BED',
  decline: 'DECLINE',
  arrive: 'ARRIVE',
  admit: 'ADMIT',
  'back-referral': 'RETURN',
} as const;

/** Referrals (SPEC §6). Facility users only ever see referrals from or to their facility (enforced in the repository). */
export function referralRoutes(app: App, svc: ReferralService) {
  app.get(
    '/api/v1/referrals/destinations',
    {
      config: { permission: 'referral.create' },
      schema: {
        tags: ['referrals'],
        summary:
          'Rumah sakit tujuan rujukan: mitra dengan PKS berlaku, terdekat dahulu, lalu tempat tidur kelas III kosong terbanyak',
        querystring: z.object({ emergency: z.enum(['true', 'false']).optional() }),
        response: {
          200: z.object({
            from: z.object({ code: z.string(), name: z.string(), level: z.string() }),
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                address: z.string().nullable(),
                location: z.string().nullable(),
                partner: z.boolean(),
                freeBeds: z.number().nullable(),
                bedsReportedAt: z.string().nullable(),
                proximity: z.enum(PROXIMITY),
                proximityLabel: z.string(),
                rank: z.number(),
                available: z.boolean(),
                refusal: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => svc.destinations({ emergency: req.query.emergency === 'true' }),
  );

  app.post(
    '/api/v1/referrals',
    {
      config: { permission: 'referral.create' },
      schema: {
        tags: ['referrals'],
        summary: 'Buat rujukan (REF-1, REF-2)',
        body: z.object({
          nik: z.string().max(40),
          diagnosisCode: z.string().max(20),
          kind: z.enum(KINDS),
          toFacilityCode: z.string().max(40),
          emergency: z.boolean().optional(),
          clinicalNotes: text,
          requestKey: z.string().max(80).nullish(),
        }),
        response: { 201: referral },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.create(req.body)),
  );

  app.post(
    '/api/v1/referrals/emergency-admissions',
    {
      config: { permission: 'referral.respond' },
      schema: {
        tags: ['referrals'],
        summary: 'Catat pasien gawat darurat yang datang tanpa rujukan (REF-3)',
        body: z.object({
          nik: z.string().max(40),
          diagnosisCode: z.string().max(20),
          clinicalNotes: text,
          requestKey: z.string().max(80).nullish(),
        }),
        response: { 201: referral },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.recordEmergency(req.body)),
  );

  app.get(
    '/api/v1/referrals',
    {
      config: { permission: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary: 'Daftar rujukan (fasilitas: hanya rujukan dari/ke fasilitasnya)',
        querystring: z.object({
          direction: z.enum(['IN', 'OUT']).optional(),
          status: z.enum(STATUSES).optional(),
          flagged: z.enum(['true', 'false']).optional(),
          unreviewed: z.enum(['true', 'false']).optional(),
          nik: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ items: z.array(referral), total: z.number() }) },
      },
    },
    async (req) =>
      svc.list({ ...req.query, flagged: req.query.flagged === 'true', unreviewed: req.query.unreviewed === 'true' }),
  );

  app.get(
    '/api/v1/referrals/:id',
    {
      config: { permission: 'referral.read' },
      schema: { tags: ['referrals'], params: id, response: { 200: referral } },
    },
    async (req) => svc.get(req.params.id),
  );

  app.get(
    '/api/v1/referrals/:id/pdf',
    {
      config: { permission: 'referral.read' },
      schema: { tags: ['referrals'], summary: 'Surat rujukan siap cetak (PDF, A4)', params: id },
    },
    async (req, reply) => {
      const { fileName, bytes } = await svc.pdf(req.params.id);
      return sendFile(reply, { type: 'application/pdf', fileName, body: bytes });
    },
  );

  app.get(
    '/api/v1/referrals/:id/back-referral.pdf',
    {
      config: { permission: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary: 'Surat rujukan balik (PDF, A4), setelah rujukan balik dicatat',
        params: id,
      },
    },
    async (req, reply) => {
      const { fileName, bytes } = await svc.backReferralPdf(req.params.id);
      return sendFile(reply, { type: 'application/pdf', fileName, body: bytes });
    },
  );

  for (const [path, action] of Object.entries(ACTIONS)) {
    app.post(
      `/api/v1/referrals/:id/${path}`,
      {
        config: { permission: 'referral.respond' },
        schema: {
          tags: ['referrals'],
          summary: `Tindak lanjut rujukan oleh rumah sakit tujuan: ${path}`,
          params: id,
          body: z.object({ reason: text, condition: text, followUp: text }).default({}),
          response: { 200: referral },
        },
      },
      async (req) => svc.act(req.params.id, action, req.body),
    );
  }

  app.post(
    '/api/v1/referrals/:id/competency-review',
    {
      config: { permission: 'referral.review' },
      schema: {
        tags: ['referrals'],
        summary: 'Telaah rujukan untuk diagnosis kompetensi layanan primer (REF-6)',
        params: id,
        body: z.object({ verdict: z.enum(['JUSTIFIED', 'NOT_JUSTIFIED']), note: z.string().max(2000) }),
        response: { 200: referral },
      },
    },
    async (req) => svc.reviewCompetency(req.params.id, req.body.verdict, req.body.note),
  );

  app.get(
    '/api/v1/public/referrals/:code',
    {
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Verifikasi keabsahan surat rujukan dari kode QR',
        params: z.object({ code: z.string().max(64) }),
        response: {
          200: z.object({
            valid: z.boolean(),
            status: z.enum(STATUSES),
            number: z.string(),
            initials: z.string(),
            issuedOn: z.string(),
          }),
        },
      },
    },
    async (req) => svc.verify(req.params.code),
  );
}
