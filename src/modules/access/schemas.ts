import { z } from 'zod';
import { idParams, instant, ok } from '../../platform/schemas.js';
import { permission, role } from '../../platform/http/schemas.js';

/**
 * The access module's HTTP contract: login, session, password, accounts and API tokens. The web app
 * imports the types (`import type … from '@server/modules/access/schemas'`); the routes import the schemas.
 */

export { idParams, ok };

// ---- session ----

export const csrfAnswer = z.object({ token: z.string() });

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });

/** Who is logged in and what they may do; the web app gates its pages by `permissions`. */
export const me = z.object({
  id: z.number(),
  username: z.string(),
  role,
  facilityCode: z.string().nullable(),
  mustChangePassword: z.boolean(),
  permissions: z.array(permission),
});

export const passwordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

// ---- accounts (users.manage) ----

/** An account in the plain list (no password hash). */
export const userRow = z.object({
  id: z.number(),
  username: z.string(),
  full_name: z.string(),
  role,
  facility_code: z.string().nullable(),
  must_change_password: z.boolean(),
  failed_logins: z.number(),
  locked_until: instant.nullable(),
  disabled_at: instant.nullable(),
  created_at: instant,
});
export const userList = z.object({ users: z.array(userRow) });

export const createUserBody = z.object({
  username: z.string(),
  role,
  facilityCode: z.string().nullable().optional(),
  fullName: z.string().max(200).optional(),
});
export const createdUser = z.object({
  id: z.number(),
  username: z.string(),
  role,
  facilityCode: z.string().nullable(),
  /** Shown once to the administrator, never stored in clear. */
  oneTimePassword: z.string(),
});

export const passwordReset = z.object({ username: z.string(), oneTimePassword: z.string() });

/** An account as the administrator's search shows it: with its facility's name and signer profile. */
export const adminUser = userRow.extend({
  nip: z.string().nullable(),
  position: z.string().nullable(),
  facility_name: z.string().nullable(),
});
export const userSearchQuery = z.object({ q: z.string().max(100).optional() });
export const userSearch = z.object({ users: z.array(adminUser) });

export const accountEdit = z.object({
  role: role.optional(),
  facilityCode: z.string().max(40).nullable().optional(),
  fullName: z.string().max(200).optional(),
  nip: z.string().max(40).nullable().optional(),
  position: z.string().max(200).nullable().optional(),
});
export const accountEdited = z.object({ id: z.number(), changed: z.boolean() });

export const deactivateBody = z.object({ reason: z.string().max(500) });
/** How many sessions and API tokens the deactivation ended. */
export const deactivated = z.object({ id: z.number(), sessions: z.number(), tokens: z.number() });
export const reactivated = z.object({ id: z.number() });

// ---- API tokens (tokens.manage) ----

export const tokenRow = z.object({
  id: z.number(),
  username: z.string(),
  /** The first characters, to recognise a token without revealing it. */
  prefix: z.string(),
  label: z.string(),
  created_at: instant,
  last_used_at: instant.nullable(),
  revoked_at: instant.nullable(),
});
export const tokenList = z.object({ tokens: z.array(tokenRow) });

export const createTokenBody = z.object({ username: z.string(), label: z.string().max(100).optional() });
export const createdToken = z.object({ id: z.number(), username: z.string(), token: z.string() });

export type Me = z.output<typeof me>;
export type UserRow = z.output<typeof userRow>;
export type AdminUser = z.output<typeof adminUser>;
export type TokenRow = z.output<typeof tokenRow>;
export type CreateUserInput = z.output<typeof createUserBody>;
export type AccountEdit = z.output<typeof accountEdit>;
export type CreatedUser = z.output<typeof createdUser>;
export type CreatedToken = z.output<typeof createdToken>;
export type PasswordReset = z.output<typeof passwordReset>;
export type Deactivated = z.output<typeof deactivated>;
