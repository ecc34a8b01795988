import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import { loadFacilitiesText, updateFacilityDetails } from './registry.js';
import type { Db } from '../../platform/db/index.js';
import type { DocumentStore } from '../../platform/documents/store.js';
import { invalid } from '../../platform/http/errors.js';
import { SERVICES } from './rules/agreement.js';
import { FACILITY_CLASSES, FACILITY_KINDS, LOCATIONS, OWNERSHIPS } from './rules/registry-row.js';
import { SANCTION_KINDS, type FacilityService } from './service.js';
import { sendFile } from '../../platform/http/download.js';

const code = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, 'Kode fasilitas tidak valid.')
  .transform((v) => v.toUpperCase());
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.');
const count = z.number().int().min(0).max(10_000_000);
const idParam = z.object({ id: z.coerce.number().int().positive() });

export function facilityRoutes(app: App, deps: { facilities: FacilityService; db: Db; documents: DocumentStore }) {
  const f = deps.facilities;

  // The office's own documents for facilities (signed PKS, sanction letters): uploaded by the facility manager.
  app.post(
    '/api/v1/facilities/documents',
    {
      config: { permission: 'facility.manage' },
      schema: {
        tags: ['facilities'],
        summary: 'Unggah dokumen PKS atau surat sanksi (PDF, JPEG, PNG)',
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw invalid('NOT_MULTIPART', 'Kirim berkas sebagai multipart/form-data (kolom file).');
      for await (const part of req.parts()) {
        if (part.type === 'file' && part.fieldname === 'file') {
          const doc = await deps.documents.save(part.file, part.filename || 'dokumen');
          return reply
            .status(201)
            .send({ id: doc.id, mediaType: doc.mediaType, sizeBytes: doc.sizeBytes, fileName: doc.fileName });
        }
        if (part.type === 'file') part.file.resume();
      }
      throw invalid('FILE_MISSING', 'Berkas belum dipilih (kolom "file").');
    },
  );

  app.get(
    '/api/v1/facilities/agreements/:id/document',
    {
      config: { permission: 'facility.read' },
      schema: { tags: ['facilities'], summary: 'Dokumen PKS yang ditandatangani', params: idParam },
    },
    async (req, reply) => {
      const docId = await f.agreementDocumentId(req.params.id);
      const { doc, stream } = await deps.documents.open(docId);
      return sendFile(reply, { type: doc.mediaType, fileName: doc.fileName, body: stream, inline: true });
    },
  );

  app.get(
    '/api/v1/facilities',
    {
      config: { permission: 'facility.read' },
      schema: {
        tags: ['facilities'],
        summary: 'Daftar fasilitas kesehatan dengan status PKS hari ini',
        querystring: z.object({
          kind: z.enum(FACILITY_KINDS).optional(),
          class: z.enum(FACILITY_CLASSES).optional(),
          location: z.enum(LOCATIONS).optional(),
          partner: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => (v === undefined ? undefined : v === 'true')),
          q: z.string().max(100).optional(),
        }),
      },
    },
    async (req) => ({ rows: await f.list(req.query) }),
  );

  app.post(
    '/api/v1/facilities/import',
    {
      config: { permission: 'facility.manage' },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['facilities'],
        summary: 'Memuat berkas facilities.csv (semua baris atau tidak sama sekali)',
        body: z.object({ csv: z.string().min(1).max(5_000_000) }),
      },
    },
    async (req) => ({ loaded: await loadFacilitiesText(deps.db, req.body.csv) }),
  );

  app.get(
    '/api/v1/facilities/agreements/expiring',
    {
      config: { permission: 'facility.read' },
      schema: {
        tags: ['facilities'],
        summary: 'PKS yang berakhir dalam N hari (bawaan 60) tanpa perpanjangan',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(60) }),
      },
    },
    async (req) => ({ rows: await f.expiring(req.query.days) }),
  );

  app.post(
    '/api/v1/facilities/agreements/:id/terminate',
    {
      config: { permission: 'facility.manage' },
      schema: {
        tags: ['facilities'],
        summary: 'Memutus PKS mulai tanggal tertentu',
        params: idParam,
        body: z.object({ terminatedOn: isoDate, reason: z.string().max(1000) }),
      },
    },
    async (req) => f.terminate(req.params.id, req.body),
  );

  app.get(
    '/api/v1/facilities/bed-board',
    {
      config: { permission: 'bedboard.read' },
      schema: {
        tags: ['facilities'],
        summary: 'Papan tempat tidur kelas III rumah sakit mitra (laporan terakhir)',
        querystring: z.object({
          location: z.enum(LOCATIONS).optional(),
          sort: z.enum(['available', 'name', 'age']).default('available'),
        }),
      },
    },
    async (req) => f.board(req.query),
  );

  app.post(
    '/api/v1/facilities/bed-reports',
    {
      config: { permission: 'bedboard.report' },
      schema: {
        tags: ['facilities'],
        summary: 'Rumah sakit melaporkan tempat tidur kelas III (untuk fasilitasnya sendiri)',
        body: z.object({ class3Total: count, class3Available: count, aboveClassPatients: count.default(0) }),
      },
    },
    async (req, reply) => reply.status(201).send(await f.reportBeds(req.body)),
  );

  app.get(
    '/api/v1/facilities/bed-reports/mine',
    { config: { permission: 'bedboard.report' }, schema: { tags: ['facilities'] } },
    async () => ({
      rows: await f.ownBedHistory(),
    }),
  );

  app.post(
    '/api/v1/facilities/monthly-reports',
    {
      config: { permission: 'monthly-report.submit' },
      schema: {
        tags: ['facilities'],
        summary: 'Laporan pelayanan bulanan rumah sakit (paling lambat tanggal 5 bulan berikutnya)',
        body: z.object({
          period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berformat YYYY-MM.'),
          outpatientVisits: count,
          inpatientAdmissions: count,
          class3PatientDays: count,
          referralsReceived: count,
          referralsBack: count,
          deaths: count,
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await f.submitMonthly(req.body)),
  );

  app.get(
    '/api/v1/facilities/monthly-reports/mine',
    { config: { permission: 'monthly-report.submit' }, schema: { tags: ['facilities'] } },
    async () => ({
      rows: await f.ownMonthly(),
    }),
  );

  app.get(
    '/api/v1/facilities/monthly-reports',
    {
      config: { permission: 'monthly-report.read' },
      schema: {
        tags: ['facilities'],
        summary: 'Per rumah sakit mitra: laporan bulan ini tepat waktu, terlambat atau belum masuk',
        querystring: z.object({
          period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan harus berformat YYYY-MM.'),
        }),
      },
    },
    async (req) => f.monthlyOverview(req.query.period),
  );

  app.post(
    '/api/v1/facilities/emergency-reports',
    {
      config: { permission: 'emergency.report' },
      schema: {
        tags: ['facilities'],
        summary: 'Fasilitas non-PKS melaporkan pasien gawat darurat (3×24 jam kerja sejak masuk)',
        body: z.object({
          nik: z.string().regex(/^\d{16}$/, 'NIK harus 16 digit angka.'),
          admittedAt: z.string().max(40),
          condition: z.string().max(2000),
          onwardFacilityCode: code
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await f.reportEmergency(req.body)),
  );

  app.get(
    '/api/v1/facilities/emergency-reports',
    { config: { permission: 'emergency.read' }, schema: { tags: ['facilities'] } },
    async () => ({
      rows: await f.emergencies(),
    }),
  );

  app.get(
    '/api/v1/facilities/emergency-reports/mine',
    { config: { permission: 'emergency.report' }, schema: { tags: ['facilities'] } },
    async () => ({
      rows: await f.emergencies(),
    }),
  );

  app.get(
    '/api/v1/facilities/:code',
    {
      config: { permission: 'facility.read' },
      schema: {
        tags: ['facilities'],
        summary: 'Satu fasilitas: data, PKS, sanksi, tempat tidur',
        params: z.object({ code }),
      },
    },
    async (req) => f.get(req.params.code),
  );

  app.put(
    '/api/v1/facilities/:code',
    {
      config: { permission: 'facility.manage' },
      schema: {
        tags: ['facilities'],
        summary: 'Mengubah data satu fasilitas (kode dan jenis tetap); aturan sama dengan baris facilities.csv',
        params: z.object({ code }),
        body: z.object({
          name: z.string().max(200),
          class: z.enum(FACILITY_CLASSES).nullable(),
          ownership: z.enum(OWNERSHIPS),
          location: z.enum(LOCATIONS),
          isRsud: z.boolean(),
          villageCode: z.string().max(20).nullable(),
          address: z.string().max(300).nullable(),
          phone: z.string().max(30).nullable(),
        }),
      },
    },
    async (req) => {
      await updateFacilityDetails(deps.db, req.params.code, req.body);
      return f.get(req.params.code);
    },
  );

  app.get(
    '/api/v1/facilities/:code/agreements',
    { config: { permission: 'facility.read' }, schema: { tags: ['facilities'], params: z.object({ code }) } },
    async (req) => ({ rows: await f.agreements(req.params.code) }),
  );

  app.post(
    '/api/v1/facilities/:code/agreements',
    {
      config: { permission: 'facility.manage' },
      schema: {
        tags: ['facilities'],
        summary: 'Mencatat PKS baru (nomor, masa berlaku, layanan, dokumen PKS)',
        params: z.object({ code }),
        body: z.object({
          number: z.string().max(80),
          validFrom: isoDate,
          validTo: isoDate,
          services: z.array(z.enum(SERVICES)).min(1, 'Pilih paling sedikit satu layanan.').max(SERVICES.length),
          documentId: z.number().int().positive(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await f.createAgreement(req.params.code, req.body)),
  );

  app.post(
    '/api/v1/facilities/:code/sanctions',
    {
      config: { permission: 'facility.manage' },
      schema: {
        tags: ['facilities'],
        summary: 'Mencatat sanksi (teguran lisan/tertulis, tidak direkomendasikan, pemutusan)',
        params: z.object({ code }),
        body: z.object({
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
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await f.impose(req.params.code, req.body)),
  );
}
