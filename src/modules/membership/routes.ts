import type { App } from '../../platform/http/app.js';
import type { ChangeService } from './changes.js';
import type { EligibilityService } from './eligibility.js';
import {
  created,
  decision,
  decisionBatch,
  eligibilityBatchBody,
  eligibilityQuery,
  manualChange,
  newSetting,
  nikParams,
  ok,
  programSettings,
  selfCheckAnswer,
  selfCheckBody,
  settingParams,
  timeline,
} from './schemas.js';
import type { SelfCheckService } from './self-check.js';
import type { SettingsService } from './settings.js';

export function membershipRoutes(
  app: App,
  deps: {
    eligibility: EligibilityService;
    settings: SettingsService;
    selfCheck: SelfCheckService;
    changes: ChangeService;
    ratePerMinute: number;
  },
) {
  // Public: NIK and family card number in the body (never in a URL), limited per address here and per NIK in the service.
  app.post(
    '/api/v1/public/self-check',
    {
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Cek status kepesertaan sendiri (NIK dan nomor Kartu Keluarga)',
        body: selfCheckBody,
        response: { 200: selfCheckAnswer },
      },
    },
    async (req) => deps.selfCheck.check(req.body.nik, req.body.noKk),
  );

  const rateLimit = {
    max: deps.ratePerMinute,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (req: { ctx?: { actor: { username: string } | null }; ip: string }) =>
      req.ctx?.actor?.username ?? req.ip,
  };

  app.get(
    '/api/v1/eligibility',
    {
      config: { permission: 'eligibility.check', rateLimit },
      // The answer is built from typed values by the service; re-validating it with zod on every
      // desk check costs more than the check. The zod schema still documents it (OpenAPI) and types the web.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['eligibility'],
        summary: 'Apakah NIK ini dijamin pada tanggal ini, dan mengapa?',
        querystring: eligibilityQuery,
        response: { 200: decision },
      },
    },
    async (req) => deps.eligibility.check(req.query.nik, req.query.date),
  );

  app.post(
    '/api/v1/eligibility/batch',
    {
      config: {
        permission: 'eligibility.check',
        rateLimit: { ...rateLimit, max: Math.max(1, Math.floor(deps.ratePerMinute / 100)) },
      },
      schema: {
        tags: ['eligibility'],
        summary: 'Pemeriksaan kepesertaan untuk banyak NIK sekaligus (maksimal 1000)',
        body: eligibilityBatchBody,
        response: { 200: decisionBatch },
      },
    },
    async (req) => ({ results: await deps.eligibility.checkBatch(req.body.niks, req.body.date) }),
  );

  app.get(
    '/api/v1/settings/program',
    { config: { permission: 'settings.read' }, schema: { tags: ['settings'], response: { 200: programSettings } } },
    async () => deps.settings.overview(),
  );

  app.post(
    '/api/v1/settings/program',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Menjadwalkan perubahan pengaturan program (berlaku mulai tanggal yang akan datang)',
        body: newSetting,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await deps.settings.schedule(req.body)),
  );

  app.delete(
    '/api/v1/settings/program/:id',
    {
      config: { permission: 'settings.manage' },
      schema: { tags: ['settings'], params: settingParams, response: { 200: ok } },
    },
    async (req) => {
      await deps.settings.cancel(req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/persons/:nik/timeline',
    {
      config: { permission: 'membership.history' },
      schema: {
        tags: ['membership'],
        summary: 'Riwayat kepesertaan seseorang: perubahan, kartu, surat, periode JKN/DTKS dan dasar kepesertaan',
        params: nikParams,
        response: { 200: timeline },
      },
    },
    async (req) => deps.changes.timeline(req.params.nik),
  );

  app.post(
    '/api/v1/persons/:nik/changes',
    {
      config: { permission: 'membership.change' },
      schema: {
        tags: ['membership'],
        summary: 'Catat perubahan kepesertaan (kematian, pindah, atau pembatalan catatan keliru)',
        params: nikParams,
        body: manualChange,
        response: { 201: created },
      },
    },
    async (req, reply) => reply.status(201).send(await deps.changes.recordManual(req.params.nik, req.body)),
  );
}
