import type { App } from '../../platform/http/app.js';
import { fileResponse, sendFile } from '../../platform/http/download.js';
import type { SjpCareService } from './care.js';
import type { SjpDesk } from './queue.js';
import {
  actionBody,
  actionParams,
  approveBody,
  attachBody,
  cancelBody,
  completionBody,
  createSjpBody,
  decideActionBody,
  depositBody,
  listSjpQuery,
  placementBody,
  rejectBody,
  settingBody,
  settingCreated,
  sjpDetail,
  sjpList,
  sjpParams,
  sjpQueue,
  sjpSettings,
  sjpTracking,
  trackParams,
} from './schemas.js';
import type { SjpService } from './service.js';

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
        body: createSjpBody,
        response: { 201: sjpDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await sjp.create(req.body)),
  );

  app.get(
    '/api/v1/sjp',
    { config: { permission: 'sjp.read' }, schema: { tags, querystring: listSjpQuery, response: { 200: sjpList } } },
    async (req) => sjp.list(req.query),
  );

  app.get(
    '/api/v1/sjp/queue',
    {
      config: { permission: 'sjp.read' },
      schema: {
        tags,
        summary: 'Antrean: segera jatuh tempo, terlambat, menunggu kelengkapan, perlu diputus',
        response: { 200: sjpQueue },
      },
    },
    async () => desk.queue(),
  );

  app.get(
    '/api/v1/sjp/settings',
    { config: { permission: 'settings.read' }, schema: { tags, response: { 200: sjpSettings } } },
    async () => desk.settings(),
  );
  app.post(
    '/api/v1/sjp/settings',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, body: settingBody, response: { 201: settingCreated } },
    },
    async (req, reply) => reply.status(201).send(await desk.scheduleSetting(req.body)),
  );

  app.get(
    '/api/v1/sjp/:id',
    { config: { permission: 'sjp.read' }, schema: { tags, params: sjpParams, response: { 200: sjpDetail } } },
    async (req) => sjp.get(req.params.id),
  );

  app.get(
    '/api/v1/sjp/:id/letter.pdf',
    {
      config: { permission: 'sjp.read' },
      schema: { response: fileResponse('application/pdf', 'Surat SJP (PDF)'), tags, params: sjpParams },
    },
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
    {
      config: { permission: 'sjp.request' },
      schema: { tags, params: sjpParams, body: attachBody, response: { 200: sjpDetail } },
    },
    async (req) => sjp.attach(req.params.id, req.body.documents),
  );
  app.post(
    '/api/v1/sjp/:id/submit',
    { config: { permission: 'sjp.request' }, schema: { tags, params: sjpParams, response: { 200: sjpDetail } } },
    async (req) => sjp.submit(req.params.id),
  );
  app.post(
    '/api/v1/sjp/:id/cancel',
    {
      config: { permission: 'sjp.request' },
      schema: { tags, params: sjpParams, body: cancelBody, response: { 200: sjpDetail } },
    },
    async (req) => sjp.cancel(req.params.id, req.body.reason),
  );
  app.post(
    '/api/v1/sjp/:id/approve',
    {
      config: { permission: 'sjp.decide' },
      schema: { tags, params: sjpParams, body: approveBody, response: { 200: sjpDetail } },
    },
    async (req) => sjp.approve(req.params.id, req.body),
  );
  app.post(
    '/api/v1/sjp/:id/request-completion',
    {
      config: { permission: 'sjp.decide' },
      schema: { tags, params: sjpParams, body: completionBody, response: { 200: sjpDetail } },
    },
    async (req) => sjp.askCompletion(req.params.id, req.body),
  );
  app.post(
    '/api/v1/sjp/:id/reject',
    {
      config: { permission: 'sjp.decide' },
      schema: { tags, params: sjpParams, body: rejectBody, response: { 200: sjpDetail } },
    },
    async (req) => sjp.reject(req.params.id, req.body),
  );

  // SJP-5 incidental approvals, SJP-6 deposits, SJP-7 above-class placement.
  app.post(
    '/api/v1/sjp/:id/actions',
    {
      config: { permission: 'sjp.request' },
      schema: {
        tags,
        summary: 'Minta persetujuan tindakan, AMHP khusus atau pulang (kasus insidentil)',
        params: sjpParams,
        body: actionBody,
        response: { 201: sjpDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await care.requestAction(req.params.id, req.body)),
  );
  app.post(
    '/api/v1/sjp/:id/actions/:actionId/decide',
    {
      config: { permission: 'sjp.decide' },
      schema: { tags, params: actionParams, body: decideActionBody, response: { 200: sjpDetail } },
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
        params: sjpParams,
        body: depositBody,
        response: { 201: sjpDetail },
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
        params: sjpParams,
        body: placementBody,
        response: { 200: sjpDetail },
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
        params: trackParams,
        response: { 200: sjpTracking },
      },
    },
    async (req) => desk.track(req.params.code),
  );
}
