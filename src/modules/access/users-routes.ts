import type { App } from '../../platform/http/app.js';
import { requireActor } from '../../platform/http/actor.js';
import {
  accountEdit,
  accountEdited,
  deactivateBody,
  deactivated,
  idParams,
  reactivated,
  userSearch,
  userSearchQuery,
} from './schemas.js';
import type { UserAdmin } from './users.js';

const tags = ['users'];

/** The administrator's account management (search, role, facility, signer profile, deactivation). */
export function userAdminRoutes(app: App, users: UserAdmin) {
  app.get(
    '/api/v1/users/search',
    {
      config: { permission: 'users.manage' },
      schema: { tags, querystring: userSearchQuery, response: { 200: userSearch } },
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
        params: idParams,
        body: accountEdit,
        response: { 200: accountEdited },
      },
    },
    async (req) => users.update(requireActor().id, req.params.id, req.body),
  );

  app.post(
    '/api/v1/users/:id/deactivate',
    {
      config: { permission: 'users.manage' },
      schema: { tags, params: idParams, body: deactivateBody, response: { 200: deactivated } },
    },
    async (req) => users.deactivate(requireActor().id, req.params.id, req.body.reason),
  );

  app.post(
    '/api/v1/users/:id/reactivate',
    { config: { permission: 'users.manage' }, schema: { tags, params: idParams, response: { 200: reactivated } } },
    async (req) => users.reactivate(req.params.id),
  );
}
