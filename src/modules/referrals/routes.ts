import type { App } from '../../platform/http/app.js';
import { fileResponse, sendFile } from '../../platform/http/download.js';
import * as S from './schemas.js';
import type { ReferralService } from './service.js';

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
        querystring: S.destinationsQuery,
        response: { 200: S.destinations },
      },
    },
    async (req) => svc.destinations(req.query),
  );

  app.post(
    '/api/v1/referrals',
    {
      config: { permission: 'referral.create' },
      schema: {
        tags: ['referrals'],
        summary: 'Buat rujukan (REF-1, REF-2)',
        body: S.newReferralBody,
        response: { 201: S.referral },
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
        body: S.emergencyBody,
        response: { 201: S.referral },
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
        querystring: S.listQuery,
        response: { 200: S.referralList },
      },
    },
    async (req) => svc.list(req.query),
  );

  app.get(
    '/api/v1/referrals/:id',
    {
      config: { permission: 'referral.read' },
      schema: { tags: ['referrals'], params: S.idParams, response: { 200: S.referral } },
    },
    async (req) => svc.get(req.params.id),
  );

  app.get(
    '/api/v1/referrals/:id/pdf',
    {
      config: { permission: 'referral.read' },
      schema: {
        response: fileResponse('application/pdf', 'Surat rujukan (PDF)'),
        tags: ['referrals'],
        summary: 'Surat rujukan siap cetak (PDF, A4)',
        params: S.idParams,
      },
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
        response: fileResponse('application/pdf', 'Surat rujukan balik (PDF)'),
        tags: ['referrals'],
        summary: 'Surat rujukan balik (PDF, A4), setelah rujukan balik dicatat',
        params: S.idParams,
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
          params: S.idParams,
          body: S.actionBody,
          response: { 200: S.referral },
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
        params: S.idParams,
        body: S.reviewBody,
        response: { 200: S.referral },
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
        params: S.codeParams,
        response: { 200: S.verification },
      },
    },
    async (req) => svc.verify(req.params.code),
  );
}
