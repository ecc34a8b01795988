import type { App } from '../../platform/http/app.js';
import { fileResponse, sendFile } from '../../platform/http/download.js';
import type { CardPrintService } from './print.js';
import * as s from './schemas.js';
import { MAX_BATCH } from './schemas.js';
import type { CardService } from './service.js';

// The three PDF routes declare no response schema: they send bytes (application/pdf), which no JSON schema describes.

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
        params: s.codeParams,
        response: { 200: s.verification },
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
        response: { 200: s.areaTree },
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
        querystring: s.findQuery,
        response: { 200: s.found },
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
        params: s.noKkParams,
        response: { 200: s.familySchema },
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
        body: s.issueBody,
        response: { 201: s.cardSchema },
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
        body: s.bulkIssueBody,
        response: { 202: s.jobStarted },
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
        querystring: s.queueQuery,
        response: { 200: s.queuePage },
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
        querystring: s.areaQuery,
        response: { 200: s.flaggedSummary },
      },
    },
    async (req) => cards.flagged(req.query.area),
  );

  app.post(
    '/api/v1/cards/reissue-flagged',
    {
      config: { permission: 'card.manage' },
      schema: {
        tags: ['cards'],
        summary:
          'Terbitkan ulang semua kartu yang perlu cetak ulang (pekerjaan latar); jumlahnya harus sama dengan yang dikonfirmasi',
        body: s.reissueFlaggedBody,
        response: { 202: s.reissueJobStarted },
      },
    },
    async (req, reply) => reply.status(202).send(await cards.startReissueFlagged(req.body.areaCode, req.body.expected)),
  );

  app.get(
    '/api/v1/cards/:id',
    {
      config: { permission: 'card.read' },
      schema: { tags: ['cards'], params: s.idParams, response: { 200: s.cardSchema } },
    },
    async (req) => cards.get(req.params.id),
  );

  app.get(
    '/api/v1/cards/:id/pdf',
    {
      config: { permission: 'card.read' },
      schema: {
        response: fileResponse('application/pdf', 'Kartu KS-NIK (PDF)'),
        tags: ['cards'],
        summary: 'PDF kartu (ukuran kartu atau A4)',
        params: s.idParams,
        querystring: s.cardPdfQuery,
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
        params: s.idParams,
        body: s.reissueBody,
        response: { 201: s.cardSchema },
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
        params: s.idParams,
        body: s.revokeBody,
        response: { 200: s.cardSchema },
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
        params: s.idParams,
        body: s.handoverBody,
        response: { 200: s.cardSchema },
      },
    },
    async (req) => print.handover(req.params.id, req.body),
  );

  app.post(
    '/api/v1/cards/print/pdf',
    {
      config: { permission: 'card.manage' },
      schema: {
        response: fileResponse('application/pdf', 'Kartu KS-NIK siap cetak (PDF)'),
        tags: ['cards'],
        summary: `PDF untuk sejumlah kartu (maksimal ${MAX_BATCH}) sebelum dicatat sebagai batch`,
        body: s.cardIdsBody,
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
        body: s.cardIdsBody,
        response: { 201: s.batchCreated },
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
        querystring: s.batchesQuery,
        response: { 200: s.batchPage },
      },
    },
    async (req) => print.batches(req.query.page, req.query.pageSize),
  );

  app.get(
    '/api/v1/cards/print-batches/:id/pdf',
    {
      config: { permission: 'card.manage' },
      schema: {
        response: fileResponse('application/pdf', 'Kartu satu batch cetak (PDF)'),
        tags: ['cards'],
        summary: 'PDF satu batch cetak',
        params: s.idParams,
        querystring: s.batchPdfQuery,
      },
    },
    async (req, reply) => {
      const r = await print.batchPdf(req.params.id, req.query.layout);
      return sendFile(reply, { type: 'application/pdf', fileName: r.fileName, body: r.bytes });
    },
  );
}
