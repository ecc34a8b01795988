import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import type { CardPrintService } from './print.js';
import { MAX_BATCH } from './print.js';
import { REISSUE_REASONS, REVOKE_REASONS } from './rules/lifecycle.js';
import { REISSUE_FLAGS } from './rules/reissue.js';
import { cardSchema, familySchema, layout, printState } from './schemas.js';
import { areaPrefix, type CardService } from './service.js';
import { sendFile } from '../../platform/http/download.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const page = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const note = z.string().max(500);

export function cardRoutes(app: App, deps: { cards: CardService; print: CardPrintService }) {
  const { cards, print } = deps;

  // Public: what the QR on a card opens. Reveals validity, status, initials and issue date only.
  app.get(
    '/api/v1/public/cards/:code',
    {
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Verifikasi kartu KS-NIK dari kode QR',
        params: z.object({ code: z.string().max(64) }),
        response: {
          200: z.object({
            valid: z.boolean(),
            status: z.enum(['ACTIVE', 'REPLACED', 'REVOKED', 'UNKNOWN']),
            initials: z.string().nullable(),
            issuedOn: z.string().nullable(),
          }),
        },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return print.verify(req.params.code);
    },
  );

  app.get(
    '/api/v1/cards/areas',
    {
      config: { permission: 'card.read' },
      schema: {
        tags: ['cards'],
        summary: 'Kecamatan dan kelurahan/desa yang berpenduduk, untuk pilihan wilayah',
        response: {
          200: z.object({
            districts: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                regency: z.string().nullable(),
                villages: z.array(z.object({ code: z.string(), name: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async () => print.areas(),
  );

  app.get(
    '/api/v1/cards/find',
    {
      config: { permission: 'card.read' },
      schema: {
        tags: ['cards'],
        summary: 'Cari keluarga dengan nomor KK, NIK anggota atau nomor kartu',
        querystring: z.object({ q: z.string().min(1).max(40) }),
        response: { 200: z.object({ noKk: z.string() }) },
      },
    },
    async (req) => cards.find(req.query.q),
  );

  app.get(
    '/api/v1/cards/families/:noKk',
    {
      config: { permission: 'card.read' },
      schema: {
        tags: ['cards'],
        summary: 'Kartu keluarga: anggota saat ini, kartu aktif dan riwayat kartu',
        params: z.object({ noKk: z.string().max(20) }),
        response: { 200: familySchema },
      },
    },
    async (req) => cards.family(req.params.noKk),
  );

  app.post(
    '/api/v1/cards',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary: 'Terbitkan kartu untuk satu keluarga (KK)',
        body: z.object({ noKk: z.string().max(20) }),
        response: { 201: cardSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await cards.issue(req.body.noKk)),
  );

  app.post(
    '/api/v1/cards/bulk-issue',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary: 'Terbitkan kartu untuk semua keluarga tanpa kartu aktif di satu wilayah (pekerjaan latar)',
        body: z.object({ areaCode: z.string().max(20) }),
        response: { 202: z.object({ jobId: z.number() }) },
      },
    },
    async (req, reply) => reply.status(202).send(await cards.startBulkIssue(req.body.areaCode)),
  );

  app.get(
    '/api/v1/cards',
    {
      config: { permission: 'card.read' },
      schema: {
        tags: ['cards'],
        summary: 'Antrean cetak: kartu menurut wilayah, tanggal terbit dan status cetak',
        querystring: z.object({
          area: z.string().max(20).optional(),
          issuedFrom: z.string().max(10).optional(),
          issuedTo: z.string().max(10).optional(),
          status: z.enum(['ACTIVE', 'REPLACED', 'REVOKED', 'ALL']).default('ACTIVE'),
          printState: printState.optional(),
          printBatchId: z.coerce.number().int().positive().optional(),
          /** "true": only cards that need reissuing (perlu cetak ulang). */
          needsReissue: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
          ...page,
        }),
        response: {
          200: z.object({
            items: z.array(cardSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            totals: z.object({
              all: z.number(),
              BELUM_CETAK: z.number(),
              SUDAH_CETAK: z.number(),
              SUDAH_DISERAHKAN: z.number(),
              /** Counted only when `needsReissue` is asked (the flag query reads every member of the area's cards). */
              PERLU_CETAK_ULANG: z.number().nullable(),
            }),
          }),
        },
      },
    },
    async (req) => print.list(req.query),
  );

  app.get(
    '/api/v1/cards/reissue-flagged',
    {
      config: { permission: 'card.read' },
      schema: {
        tags: ['cards'],
        summary: 'Kartu aktif yang perlu cetak ulang karena kepesertaan anggotanya berubah, per alasan',
        querystring: z.object({ area: z.string().max(20).optional() }),
        response: {
          200: z.object({
            area: z.string().nullable(),
            total: z.number(),
            byReason: z.array(z.object({ reason: z.enum(REISSUE_FLAGS), label: z.string(), cards: z.number() })),
          }),
        },
      },
    },
    async (req) => cards.flagged(req.query.area ? areaPrefix(req.query.area) : null),
  );

  app.post(
    '/api/v1/cards/reissue-flagged',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary:
          'Terbitkan ulang semua kartu yang perlu cetak ulang (pekerjaan latar); jumlahnya harus sama dengan yang dikonfirmasi',
        body: z.object({ areaCode: z.string().max(20).optional(), expected: z.number().int().min(1) }),
        response: { 202: z.object({ jobId: z.number(), cards: z.number() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(
          await cards.startReissueFlagged(req.body.areaCode ? areaPrefix(req.body.areaCode) : null, req.body.expected),
        ),
  );

  app.get(
    '/api/v1/cards/:id',
    {
      config: { permission: 'card.read' },
      schema: { tags: ['cards'], params: idParam, response: { 200: cardSchema } },
    },
    async (req) => cards.get(req.params.id),
  );

  app.get(
    '/api/v1/cards/:id/pdf',
    {
      config: { permission: 'card.read' },
      schema: {
        tags: ['cards'],
        summary: 'PDF kartu (ukuran kartu atau A4)',
        params: idParam,
        querystring: z.object({ layout: layout.default('CARD') }),
      },
    },
    async (req, reply) => {
      const r = await print.cardPdf(req.params.id, req.query.layout);
      return sendFile(reply, { type: 'application/pdf', fileName: r.fileName, body: r.bytes });
    },
  );

  app.post(
    '/api/v1/cards/:id/reissue',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary: 'Terbitkan ulang (hilang, rusak, perubahan data): kartu lama menjadi REPLACED',
        params: idParam,
        body: z.object({ reason: z.enum(REISSUE_REASONS), note }),
        response: { 201: cardSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await cards.reissue(req.params.id, req.body.reason, req.body.note)),
  );

  app.post(
    '/api/v1/cards/:id/revoke',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary: 'Cabut kartu dengan alasan',
        params: idParam,
        body: z.object({ reason: z.enum(REVOKE_REASONS), note }),
        response: { 200: cardSchema },
      },
    },
    async (req) => cards.revoke(req.params.id, req.body.reason, req.body.note),
  );

  app.post(
    '/api/v1/cards/:id/handover',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary: 'Catat penyerahan kartu kepada keluarga',
        params: idParam,
        body: z.object({ to: z.string().max(120), on: z.string().max(10).optional() }),
        response: { 200: cardSchema },
      },
    },
    async (req) => print.handover(req.params.id, req.body),
  );

  app.post(
    '/api/v1/cards/print/pdf',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary: `PDF untuk sejumlah kartu (maksimal ${MAX_BATCH}) sebelum dicatat sebagai batch`,
        body: z.object({ cardIds: z.array(z.number().int().positive()).min(1).max(MAX_BATCH), layout }),
      },
    },
    async (req, reply) => {
      const body = await print.pdf(req.body.cardIds, req.body.layout, 'Cetak kartu KS-NIK');
      return sendFile(reply, { type: 'application/pdf', fileName: 'kartu-ks-nik.pdf', body });
    },
  );

  app.post(
    '/api/v1/cards/print-batches',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary: 'Catat sejumlah kartu sebagai sudah dicetak (satu batch cetak)',
        body: z.object({ cardIds: z.array(z.number().int().positive()).min(1).max(MAX_BATCH), layout }),
        response: { 201: z.object({ id: z.number(), cardCount: z.number(), layout }) },
      },
    },
    async (req, reply) => reply.status(201).send(await print.createBatch(req.body.cardIds, req.body.layout)),
  );

  app.get(
    '/api/v1/cards/print-batches',
    {
      config: { permission: 'card.read' },
      schema: {
        tags: ['cards'],
        summary: 'Riwayat batch cetak',
        querystring: z.object(page),
        response: {
          200: z.object({
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            items: z.array(
              z.object({
                id: z.number(),
                layout,
                cardCount: z.number(),
                createdAt: z.string(),
                createdBy: z.string().nullable(),
                handedOver: z.number(),
                stillActive: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => print.batches(req.query.page, req.query.pageSize),
  );

  app.get(
    '/api/v1/cards/print-batches/:id/pdf',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary: 'PDF satu batch cetak',
        params: idParam,
        querystring: z.object({ layout: layout.optional() }),
      },
    },
    async (req, reply) => {
      const r = await print.batchPdf(req.params.id, req.query.layout);
      return sendFile(reply, { type: 'application/pdf', fileName: r.fileName, body: r.bytes });
    },
  );
}
