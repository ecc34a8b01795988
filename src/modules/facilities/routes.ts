import type { App } from '../../platform/http/app.js';
import { DOCUMENT_TYPES, fileResponse, sendFile } from '../../platform/http/download.js';
import { invalid } from '../../platform/http/errors.js';
import * as S from './schemas.js';
import type { FacilityService } from './service.js';

/** Facilities and agreements (SPEC §5). Routes validate and answer; every rule and every query is in the service. */
export function facilityRoutes(app: App, deps: { facilities: FacilityService }) {
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
        response: { 201: S.uploadedDocument },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw invalid('NOT_MULTIPART', 'Kirim berkas sebagai multipart/form-data (kolom file).');
      for await (const part of req.parts()) {
        if (part.type === 'file' && part.fieldname === 'file') {
          return reply.status(201).send(await f.saveDocument(part.file, part.filename || 'dokumen'));
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
      schema: {
        response: fileResponse(DOCUMENT_TYPES, 'Pindaian PKS yang ditandatangani'),
        tags: ['facilities'],
        summary: 'Dokumen PKS yang ditandatangani',
        params: S.idParams,
      },
    },
    async (req, reply) => {
      const { doc, stream } = await f.agreementDocument(req.params.id);
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
        querystring: S.listQuery,
        response: { 200: S.facilityList },
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
        body: S.importBody,
        response: { 200: S.loaded },
      },
    },
    async (req) => f.importCsv(req.body.csv),
  );

  app.get(
    '/api/v1/facilities/agreements/expiring',
    {
      config: { permission: 'facility.read' },
      schema: {
        tags: ['facilities'],
        summary: 'PKS yang berakhir dalam N hari (bawaan 60) tanpa perpanjangan',
        querystring: S.expiringQuery,
        response: { 200: S.agreementList },
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
        params: S.idParams,
        body: S.terminateBody,
        response: { 200: S.agreement },
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
        querystring: S.bedBoardQuery,
        response: { 200: S.bedBoard },
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
        body: S.bedReportBody,
        response: { 201: S.bedReported },
      },
    },
    async (req, reply) => reply.status(201).send(await f.reportBeds(req.body)),
  );

  app.get(
    '/api/v1/facilities/bed-reports/mine',
    { config: { permission: 'bedboard.report' }, schema: { tags: ['facilities'], response: { 200: S.bedHistory } } },
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
        body: S.monthlyBody,
        response: { 201: S.monthlyReport },
      },
    },
    async (req, reply) => reply.status(201).send(await f.submitMonthly(req.body)),
  );

  app.get(
    '/api/v1/facilities/monthly-reports/mine',
    {
      config: { permission: 'monthly-report.submit' },
      schema: { tags: ['facilities'], response: { 200: S.monthlyList } },
    },
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
        querystring: S.monthlyQuery,
        response: { 200: S.monthlyOverview },
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
        body: S.emergencyBody,
        response: { 201: S.emergencyReport },
      },
    },
    async (req, reply) => reply.status(201).send(await f.reportEmergency(req.body)),
  );

  app.get(
    '/api/v1/facilities/emergency-reports',
    { config: { permission: 'emergency.read' }, schema: { tags: ['facilities'], response: { 200: S.emergencyList } } },
    async () => ({
      rows: await f.emergencies(),
    }),
  );

  app.get(
    '/api/v1/facilities/emergency-reports/mine',
    {
      config: { permission: 'emergency.report' },
      schema: { tags: ['facilities'], response: { 200: S.emergencyList } },
    },
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
        params: S.codeParams,
        response: { 200: S.facilityDetail },
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
        params: S.codeParams,
        body: S.detailsBody,
        response: { 200: S.facilityDetail },
      },
    },
    async (req) => f.updateDetails(req.params.code, req.body),
  );

  app.get(
    '/api/v1/facilities/:code/agreements',
    {
      config: { permission: 'facility.read' },
      schema: { tags: ['facilities'], params: S.codeParams, response: { 200: S.agreementList } },
    },
    async (req) => ({ rows: await f.agreements(req.params.code) }),
  );

  app.post(
    '/api/v1/facilities/:code/agreements',
    {
      config: { permission: 'facility.manage' },
      schema: {
        tags: ['facilities'],
        summary: 'Mencatat PKS baru (nomor, masa berlaku, layanan, dokumen PKS)',
        params: S.codeParams,
        body: S.agreementBody,
        response: { 201: S.agreement },
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
        params: S.codeParams,
        body: S.sanctionBody,
        response: { 201: S.sanction },
      },
    },
    async (req, reply) => reply.status(201).send(await f.impose(req.params.code, req.body)),
  );
}
