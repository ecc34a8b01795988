import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import type { SjpCareService } from './care.js';
import type { SjpDesk } from './queue.js';
import type { SjpService } from './service.js';
import { REQUIREMENT_CODES } from './rules/checklist.js';
import { CARE_TYPES } from './rules/deadline.js';
import { REJECT_CODES, STATUSES } from './rules/status.js';
import { ACTION_KINDS, INTENSIVE_UNITS } from './rules/incidental.js';
import { sendFile } from '../../platform/http/download.js';

const nik = z.string().regex(/^\d{16}$/, 'NIK harus 16 digit angka.');
const optNik = nik
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.');
const id = z.object({ id: z.coerce.number().int().positive() });
const requirement = z.enum(REQUIREMENT_CODES as [string, ...string[]]);
const docs = z.array(z.object({ requirement, documentId: z.number().int().positive() })).max(30);
const tags = ['sjp'];

export function sjpRoutes(app: App, deps: { sjp: SjpService; desk: SjpDesk; care: SjpCareService }) {
  const { sjp, desk, care } = deps;

  app.post(
    '/api/v1/sjp',
    {
      config: { permission: 'sjp.request' },
      schema: {
        tags,
        summary: 'Ajukan SJP (rumah sakit untuk fasilitasnya, atau petugas di kantor)',
        body: z.object({
          nik: optNik,
          careType: z.enum(CARE_TYPES),
          admittedAt: z.string().min(10).max(40),
          diagnosisCode: z.string().min(1).max(10),
          diagnosisText: z
            .string()
            .max(200)
            .nullable()
            .optional()
            .transform((v) => v ?? null),
          facilityCode: z
            .string()
            .max(40)
            .nullable()
            .optional()
            .transform((v) => v ?? null),
          referralId: z
            .number()
            .int()
            .positive()
            .nullable()
            .optional()
            .transform((v) => v ?? null),
          documents: docs.default([]),
          submit: z.boolean().default(false),
          costCutoffAt: z
            .string()
            .max(40)
            .nullable()
            .optional()
            .transform((v) => v ?? null),
          newborn: z
            .object({
              childNik: optNik,
              childName: z.string().min(1).max(120),
              sex: z.enum(['L', 'P']),
              birthDate: isoDate,
              birthPlace: z
                .string()
                .max(120)
                .nullable()
                .optional()
                .transform((v) => v?.trim() || null),
              motherNik: nik,
              fatherNik: optNik,
              documentKind: z.enum(['AKTA_KELAHIRAN', 'SURAT_KETERANGAN_LAHIR']),
              documentNumber: z.string().min(1).max(80),
              documentId: z.number().int().positive(),
            })
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await sjp.create(req.body as Parameters<SjpService['create']>[0])),
  );

  app.get(
    '/api/v1/sjp',
    {
      config: { permission: 'sjp.read' },
      schema: {
        tags,
        querystring: z.object({
          q: z.string().max(100).optional(),
          status: z
            .string()
            .optional()
            .transform((v) => (v ? v.split(',') : undefined))
            .pipe(z.array(z.enum(STATUSES)).optional()),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => sjp.list(req.query),
  );

  app.get(
    '/api/v1/sjp/queue',
    {
      config: { permission: 'sjp.read' },
      schema: { tags, summary: 'Antrean: segera jatuh tempo, terlambat, menunggu kelengkapan, perlu diputus' },
    },
    async () => desk.queue(),
  );

  app.get('/api/v1/sjp/settings', { config: { permission: 'settings.read' }, schema: { tags } }, async () =>
    desk.settings(),
  );
  app.post(
    '/api/v1/sjp/settings',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        body: z.object({ effectiveFrom: isoDate, latePolicy: z.enum(['ACCEPT', 'REFUSE']), note: z.string().max(500) }),
      },
    },
    async (req, reply) => reply.status(201).send(await desk.scheduleSetting(req.body)),
  );

  app.get('/api/v1/sjp/:id', { config: { permission: 'sjp.read' }, schema: { tags, params: id } }, async (req) =>
    sjp.get(req.params.id),
  );

  app.get(
    '/api/v1/sjp/:id/letter.pdf',
    { config: { permission: 'sjp.read' }, schema: { tags, params: id } },
    async (req, reply) => {
      const { number, pdf } = await desk.letter(req.params.id);
      return sendFile(reply, {
        type: 'application/pdf',
        fileName: `SJP-${number.replace(/\//g, '-')}.pdf`,
        body: pdf,
        inline: true,
      });
    },
  );

  app.post(
    '/api/v1/sjp/:id/documents',
    { config: { permission: 'sjp.request' }, schema: { tags, params: id, body: z.object({ documents: docs }) } },
    async (req) => sjp.attach(req.params.id, req.body.documents as Parameters<SjpService['attach']>[1]),
  );
  app.post(
    '/api/v1/sjp/:id/submit',
    { config: { permission: 'sjp.request' }, schema: { tags, params: id } },
    async (req) => sjp.submit(req.params.id),
  );
  app.post(
    '/api/v1/sjp/:id/cancel',
    {
      config: { permission: 'sjp.request' },
      schema: { tags, params: id, body: z.object({ reason: z.string().max(500) }) },
    },
    async (req) => sjp.cancel(req.params.id, req.body.reason),
  );
  app.post(
    '/api/v1/sjp/:id/approve',
    {
      config: { permission: 'sjp.decide' },
      schema: {
        tags,
        params: id,
        body: z
          .object({
            validTo: isoDate
              .nullable()
              .optional()
              .transform((v) => v ?? null),
          })
          .default({ validTo: null }),
      },
    },
    async (req) => sjp.approve(req.params.id, req.body),
  );
  app.post(
    '/api/v1/sjp/:id/request-completion',
    {
      config: { permission: 'sjp.decide' },
      schema: {
        tags,
        params: id,
        body: z.object({
          missing: z.array(requirement).max(10).default([]),
          note: z
            .string()
            .max(500)
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      },
    },
    async (req) => sjp.askCompletion(req.params.id, req.body as Parameters<SjpService['askCompletion']>[1]),
  );
  app.post(
    '/api/v1/sjp/:id/reject',
    {
      config: { permission: 'sjp.decide' },
      schema: {
        tags,
        params: id,
        body: z.object({
          code: z.enum(REJECT_CODES as [string, ...string[]]),
          note: z
            .string()
            .max(500)
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      },
    },
    async (req) => sjp.reject(req.params.id, req.body as Parameters<SjpService['reject']>[1]),
  );

  // SJP-5 incidental approvals, SJP-6 deposits, SJP-7 above-class placement.
  app.post(
    '/api/v1/sjp/:id/actions',
    {
      config: { permission: 'sjp.request' },
      schema: {
        tags,
        summary: 'Minta persetujuan tindakan, AMHP khusus atau pulang (kasus insidentil)',
        params: id,
        body: z.object({
          kind: z.enum(Object.keys(ACTION_KINDS) as [keyof typeof ACTION_KINDS, ...(keyof typeof ACTION_KINDS)[]]),
          unit: z.enum(INTENSIVE_UNITS),
          description: z.string().max(500),
          plannedOn: isoDate,
          documentId: z
            .number()
            .int()
            .positive()
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await care.requestAction(req.params.id, req.body)),
  );
  app.post(
    '/api/v1/sjp/:id/actions/:actionId/decide',
    {
      config: { permission: 'sjp.decide' },
      schema: {
        tags,
        params: z.object({ id: z.coerce.number().int().positive(), actionId: z.coerce.number().int().positive() }),
        body: z.object({
          approve: z.boolean(),
          note: z
            .string()
            .max(500)
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      },
    },
    async (req) => care.decideAction(req.params.id, req.params.actionId, req.body),
  );
  app.post(
    '/api/v1/sjp/:id/deposits',
    {
      config: { permission: 'sjp.request' },
      schema: {
        tags,
        summary: 'Catat deposit rawat inap yang dibayar pasien',
        params: id,
        body: z.object({
          amount: z.number(),
          paidOn: isoDate,
          documentId: z
            .number()
            .int()
            .positive()
            .nullable()
            .optional()
            .transform((v) => v ?? null),
          note: z
            .string()
            .max(300)
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await care.addDeposit(req.params.id, req.body)),
  );
  app.post(
    '/api/v1/sjp/:id/placement',
    {
      config: { permission: 'sjp.request' },
      schema: {
        tags,
        summary: 'Catat penempatan di atas kelas III karena kelas III penuh',
        params: id,
        body: z.object({ placedClass: z.enum(['II', 'I', 'VIP']), since: z.string().max(40) }),
      },
    },
    async (req) => care.recordPlacement(req.params.id, req.body),
  );

  app.get(
    '/api/v1/public/sjp/:code',
    {
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Lacak status SJP dengan kode (tanpa data pribadi)',
        params: z.object({ code: z.string().max(64) }),
      },
    },
    async (req) => desk.track(req.params.code),
  );
}
