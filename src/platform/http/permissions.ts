import { FACILITY_ROLES, ROLES, type Role } from './labels.js';

// The roles and their words live in labels.ts, which the web app shares.
export { FACILITY_ROLES, ROLES, type Role };

/**
 * Roles of SPEC §2 and what each may do. Routes declare one permission; the
 * auth hook checks it. A deployment may override the table (roles differ
 * between cities) through PERMISSIONS_FILE in a later change; the default is here.
 */
export const PERMISSIONS = {
  'eligibility.check': ['kepesertaan', 'sjp', 'verifikator', 'puskesmas', 'rumahsakit', 'dinsos'],
  'person.read': ['kepesertaan', 'sjp', 'verifikator', 'dinsos'],
  'population.import': ['kepesertaan', 'dukcapil'],
  'jkn.import': ['kepesertaan'],
  'poverty.import': ['dinsos', 'kepesertaan'],
  'import.read': ['kepesertaan', 'dukcapil', 'dinsos', 'pimpinan', 'auditor'],
  'users.manage': ['admin'],
  'tokens.manage': ['admin'],
  'settings.read': ['admin', 'kepesertaan', 'sjp', 'pimpinan', 'auditor'],
  'settings.manage': ['admin'],
  'calendar.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'card.read': ['kepesertaan', 'pimpinan', 'auditor'],
  'card.manage': ['kepesertaan'],
  'recommendation.read': ['dinsos', 'kepesertaan', 'sjp', 'verifikator', 'auditor'],
  'recommendation.manage': ['dinsos'],
  'birth.read': ['kepesertaan', 'rumahsakit', 'sjp', 'verifikator', 'auditor'],
  'birth.record': ['kepesertaan', 'rumahsakit'],
  'membership.history': ['kepesertaan', 'sjp', 'verifikator', 'auditor'],
  'membership.change': ['kepesertaan'],
  'reconciliation.read': ['kepesertaan', 'dukcapil', 'pimpinan', 'auditor'],
  'reconciliation.review': ['kepesertaan'],
  'signals.read': ['kepesertaan', 'verifikator', 'auditor'],
  'report.membership': ['kepesertaan', 'pimpinan', 'auditor'],
  'document.upload': ['kepesertaan', 'sjp', 'verifikator', 'puskesmas', 'rumahsakit', 'dinsos'],
  'document.read': ['kepesertaan', 'sjp', 'verifikator', 'puskesmas', 'rumahsakit', 'dinsos', 'auditor'],
  // Every role but Dukcapil, which only sends population data.
  'facility.read': ROLES.filter((r) => r !== 'dukcapil'),
  'facility.manage': ['admin'],
  'bedboard.read': ['kepesertaan', 'sjp', 'verifikator', 'ketua', 'puskesmas', 'rumahsakit', 'pimpinan'],
  'bedboard.report': ['rumahsakit'],
  'monthly-report.submit': ['rumahsakit'],
  'monthly-report.read': ['admin', 'sjp', 'verifikator', 'ketua', 'pimpinan', 'auditor'],
  'emergency.report': ['rumahsakit', 'puskesmas'],
  'emergency.read': ['sjp', 'kepesertaan', 'verifikator', 'ketua', 'auditor'],
  'icd.read': ['admin', 'kepesertaan', 'sjp', 'verifikator', 'ketua', 'puskesmas', 'rumahsakit', 'pimpinan', 'auditor'],
  'icd.manage': ['admin'],
  'referral.create': ['puskesmas', 'rumahsakit'],
  'referral.read': ['puskesmas', 'rumahsakit', 'sjp', 'verifikator', 'kepesertaan', 'ketua', 'auditor'],
  'referral.respond': ['rumahsakit'],
  'referral.review': ['sjp', 'verifikator', 'ketua'],
  'sjp.request': ['rumahsakit', 'sjp'],
  'sjp.read': ['rumahsakit', 'sjp', 'verifikator', 'ketua', 'pimpinan', 'auditor'],
  'sjp.decide': ['sjp'],
  'areas.read': ROLES,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
