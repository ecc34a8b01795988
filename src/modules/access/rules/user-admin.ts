import { FACILITY_ROLES, ROLES, type Role } from '../../../platform/http/permissions.js';

/** A refusal of an account change: a stable code and what to do, in Bahasa Indonesia. */
export interface Refusal {
  code: string;
  message: string;
}

export interface AccountChange {
  role: Role;
  facilityCode: string | null;
}

/**
 * Facility staff (puskesmas, rumahsakit) are bound to exactly one facility and
 * office staff to none — the same rule as the table constraint app_user_facility_scope,
 * checked first so the administrator gets words instead of a constraint name.
 */
export function scopeProblem(c: AccountChange): Refusal | null {
  if (!(ROLES as readonly string[]).includes(c.role))
    return { code: 'INVALID_ROLE', message: `Peran "${c.role}" tidak dikenal.` };
  const atFacility = FACILITY_ROLES.includes(c.role);
  if (atFacility && !c.facilityCode)
    return {
      code: 'FACILITY_REQUIRED',
      message: 'Petugas puskesmas dan rumah sakit harus terikat pada satu fasilitas: pilih fasilitasnya.',
    };
  if (!atFacility && c.facilityCode)
    return {
      code: 'FACILITY_NOT_ALLOWED',
      message: 'Petugas dinas tidak terikat pada fasilitas: kosongkan pilihan fasilitas.',
    };
  return null;
}

/** NIP of a civil servant: 18 digits (PP 11/2017); empty means none. */
export function nipProblem(nip: string | null): Refusal | null {
  if (nip === null || nip === '') return null;
  if (!/^\d{18}$/.test(nip))
    return { code: 'INVALID_NIP', message: 'NIP harus 18 digit angka, tanpa spasi atau titik.' };
  return null;
}

/**
 * An administrator does not deactivate or demote their own account: the last
 * administrator locking themselves out would leave nobody to undo it.
 */
export function selfChangeProblem(
  actorId: number,
  targetId: number,
  change: { deactivate?: boolean; role?: Role; currentRole: Role },
): Refusal | null {
  if (actorId !== targetId) return null;
  if (change.deactivate)
    return {
      code: 'SELF_DEACTIVATION',
      message: 'Anda tidak dapat menonaktifkan akun Anda sendiri. Minta administrator lain.',
    };
  if (change.role && change.role !== change.currentRole) {
    return {
      code: 'SELF_ROLE_CHANGE',
      message: 'Anda tidak dapat mengubah peran akun Anda sendiri. Minta administrator lain.',
    };
  }
  return null;
}
