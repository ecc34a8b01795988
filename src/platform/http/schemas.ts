import { z } from 'zod';
import { ROLES } from './labels.js';
import { PERMISSIONS, type Permission } from './permissions.js';

/** The zod shapes of the platform's HTTP layer that every module's contract uses: roles and permissions. */

export const role = z.enum(ROLES);
export const permission = z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]);

/** GET /healthz: the load balancer's probe (503 with the same shape when the database is down). */
export const health = z.object({ status: z.string() });

export type { Role } from './labels.js';
export type { Permission } from './permissions.js';
