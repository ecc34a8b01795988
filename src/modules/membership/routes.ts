import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import type { EligibilityService } from './eligibility.js';
import type { SettingsService } from './settings.js';

const reason = z.object({ code: z.string(), severity: z.enum(['BLOCK', 'WARN', 'INFO']), message: z.string() });
export const decisionSchema = z.object({
  nik: z.string(),
  date: z.string(),
  eligible: z.boolean(),
  basis: z.enum(['RESIDENT', 'NEWBORN', 'DINSOS_RECOMMENDATION', 'POOR']).nullable(),
  person: z.object({ name: z.string(), sex: z.enum(['L', 'P']), birthDate: z.string(), familyNumber: z.string() }).nullable(),
  card: z.object({ number: z.string().nullable(), status: z.enum(['ACTIVE', 'PENDING_EKTP', 'REPLACED', 'REVOKED', 'NONE']) }).nullable(),
  jkn: z.object({ segment: z.string(), status: z.enum(['AKTIF', 'NONAKTIF']), cardNumber: z.string() }).nullable(),
  reasons: z.array(reason),
  rule: z.object({ code: z.string(), description: z.string() }).nullable(),
  settingsEffectiveFrom: z.string().nullable(),
});

export function membershipRoutes(app: App, deps: { eligibility: EligibilityService; settings: SettingsService; ratePerMinute: number }) {
  const rateLimit = {
    max: deps.ratePerMinute,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (req: { ctx?: { actor: { username: string } | null }; ip: string }) => req.ctx?.actor?.username ?? req.ip,
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
      config: { permission: 'eligibility.check', rateLimit: { ...rateLimit, max: Math.max(1, Math.floor(deps.ratePerMinute / 100)) } },
      schema: {
        tags: ['eligibility'],
        summary: 'Pemeriksaan kepesertaan untuk banyak NIK sekaligus (maksimal 1000)',
        body: z.object({ date: z.string().optional(), niks: z.array(z.string()).min(1).max(1000) }),
        response: { 200: z.object({ results: z.array(decisionSchema) }) },
      },
    },
    async (req) => ({ results: await deps.eligibility.checkBatch(req.body.niks, req.body.date) }),
  );

  app.get('/api/v1/settings/program', { config: { permission: 'settings.read' }, schema: { tags: ['settings'] } }, async () => {
    const all = await deps.settings.all();
    return { current: all[all.length - 1] ?? null, history: [...all].reverse() };
  });
}
