import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import type { ChangeService } from './changes.js';
import type { EligibilityService } from './eligibility.js';
import type { SelfCheckService } from './self-check.js';
import { settingsOn, type SettingsService } from './settings.js';
import { jakartaToday } from './today.js';

const reason = z.object({ code: z.string(), severity: z.enum(['BLOCK', 'WARN', 'INFO']), message: z.string() });
export const decisionSchema = z.object({
  nik: z.string(),
  date: z.string(),
  eligible: z.boolean(),
  basis: z.enum(['RESIDENT', 'NEWBORN', 'DINSOS_RECOMMENDATION', 'POOR']).nullable(),
  person: z
    .object({ name: z.string(), sex: z.enum(['L', 'P']), birthDate: z.string(), familyNumber: z.string() })
    .nullable(),
  card: z
    .object({
      number: z.string().nullable(),
      status: z.enum(['ACTIVE', 'PENDING_EKTP', 'REPLACED', 'REVOKED', 'NONE']),
    })
    .nullable(),
  jkn: z.object({ segment: z.string(), status: z.enum(['AKTIF', 'NONAKTIF']), cardNumber: z.string() }).nullable(),
  reasons: z.array(reason),
  rule: z.object({ code: z.string(), description: z.string() }).nullable(),
  settingsEffectiveFrom: z.string().nullable(),
});

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
        body: z.object({ nik: z.string().max(40), noKk: z.string().max(40) }),
        response: {
          200: z.object({
            status: z.enum(['COVERED', 'COVERED_BY_JKN', 'NOT_COVERED', 'NO_MATCH']),
            title: z.string(),
            nextSteps: z.array(z.string()),
            card: z.enum(['ACTIVE', 'PENDING_EKTP', 'NONE', 'REPLACED', 'REVOKED']).nullable(),
            date: z.string(),
          }),
        },
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

  // NIK and date are checked by the service so that the contract's own codes (INVALID_NIK, INVALID_DATE) come back.
  app.get(
    '/api/v1/eligibility',
    {
      config: { permission: 'eligibility.check', rateLimit },
      // The answer is built from typed values by the service; re-validating it with zod on every
      // desk check costs more than the check. The zod schema still documents it (OpenAPI).
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['eligibility'],
        summary: 'Apakah NIK ini dijamin pada tanggal ini, dan mengapa?',
        querystring: z.object({ nik: z.string().default(''), date: z.string().optional() }),
        response: { 200: decisionSchema },
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
        body: z.object({ date: z.string().optional(), niks: z.array(z.string()).min(1).max(1000) }),
        response: { 200: z.object({ results: z.array(decisionSchema) }) },
      },
    },
    async (req) => ({ results: await deps.eligibility.checkBatch(req.body.niks, req.body.date) }),
  );

  app.get(
    '/api/v1/settings/program',
    { config: { permission: 'settings.read' }, schema: { tags: ['settings'] } },
    async () => {
      const all = await deps.settings.all();
      const today = jakartaToday();
      return {
        current: settingsOn(all, today),
        scheduled: all.filter((s) => s.effectiveFrom > today),
        history: all.filter((s) => s.effectiveFrom <= today).reverse(),
      };
    },
  );

  app.post(
    '/api/v1/settings/program',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Menjadwalkan perubahan pengaturan program (berlaku mulai tanggal yang akan datang)',
        body: z.object({
          effectiveFrom: z.string(),
          bases: z.array(z.string()).max(4),
          excludedSegments: z.array(z.string()).max(6),
          note: z.string().max(500).default(''),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await deps.settings.schedule(req.body)),
  );

  app.delete(
    '/api/v1/settings/program/:id',
    {
      config: { permission: 'settings.manage' },
      schema: { tags: ['settings'], params: z.object({ id: z.coerce.number().int() }) },
    },
    async (req) => {
      await deps.settings.cancel(req.params.id);
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/persons/:nik/timeline',
    {
      config: { permission: 'membership.history' },
      schema: {
        tags: ['membership'],
        summary: 'Riwayat kepesertaan seseorang: perubahan, kartu, surat, periode JKN/DTKS dan dasar kepesertaan',
        params: z.object({ nik: z.string() }),
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
        params: z.object({ nik: z.string() }),
        body: z.object({
          kind: z.enum(['DEATH', 'MOVE_OUT', 'CORRECTION']),
          effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal berlaku harus berformat YYYY-MM-DD.'),
          reason: z.string().max(500),
          withdraws: z.enum(['DEATH', 'MOVE_OUT']).optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await deps.changes.recordManual(req.params.nik, req.body)),
  );
}
