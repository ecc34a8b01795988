import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import { ROLES } from '../../platform/http/permissions.js';
import type { UserAdmin } from './users.js';

const id = z.object({ id: z.coerce.number().int().positive() });
const tags = ['users'];

/** The administrator's account management (search, role, facility, signer profile, deactivation). */
export function userAdminRoutes(app: App, users: UserAdmin) {
  app.get(
    '/api/v1/users/search',
    {
      config: { permission: 'users.manage' },
      schema: { tags, querystring: z.object({ q: z.string().max(100).optional() }) },
    },
    async (req) => ({ users: await users.search(req.query.q?.trim() || null) }),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Ubah peran, fasilitas atau profil penanda tangan (nama lengkap, NIP, jabatan)',
        params: id,
        body: z.object({
          role: z.enum(ROLES).optional(),
          facilityCode: z.string().max(40).nullable().optional(),
          fullName: z.string().max(200).optional(),
          nip: z.string().max(40).nullable().optional(),
          position: z.string().max(200).nullable().optional(),
        }),
      },
    },
    async (req) => users.update(req.ctx.actor!.id, req.params.id, req.body),
  );

  app.post(
    '/api/v1/users/:id/deactivate',
    {
      config: { permission: 'users.manage' },
      schema: { tags, params: id, body: z.object({ reason: z.string().max(500) }) },
    },
    async (req) => users.deactivate(req.ctx.actor!.id, req.params.id, req.body.reason),
  );

  app.post(
    '/api/v1/users/:id/reactivate',
    { config: { permission: 'users.manage' }, schema: { tags, params: id } },
    async (req) => users.reactivate(req.params.id),
  );
}
