import type { Db } from '../../platform/db/index.js';
import { auditInTx } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { FACILITY_ROLES } from '../../platform/http/permissions.js';
import { nipProblem, scopeProblem, selfChangeProblem } from './rules/user-admin.js';
import type { AccountEdit } from './schemas.js';
import type { AccessService } from './service.js';
import * as repo from './users-repo.js';

/**
 * The administrator's account management: search, change role, facility and
 * signer profile, deactivate and reactivate. A change that alters what a user
 * may do (role, facility, deactivation) runs in the access service's revoking
 * transaction, so every process drops its cached credentials at once.
 */
export function createUserAdmin(db: Db, access: Pick<AccessService, 'revoking'>) {
  const find = async (tx: Parameters<typeof repo.lockUser>[0], id: number) => {
    const u = await repo.lockUser(tx, id);
    if (!u) throw notFound('USER_NOT_FOUND', `Pengguna dengan id ${id} tidak ditemukan.`);
    return u;
  };

  async function update(actorId: number, id: number, edit: AccountEdit) {
    return access.revoking(async (tx, revoke) => {
      const u = await find(tx, id);
      const role = edit.role ?? u.role;
      // Moving to an office role drops the facility; otherwise keep it unless a new one is given.
      let facilityCode =
        edit.facilityCode !== undefined ? edit.facilityCode?.trim().toUpperCase() || null : u.facility_code;
      if (edit.role && !FACILITY_ROLES.includes(role) && edit.facilityCode === undefined) facilityCode = null;
      const fullName = edit.fullName !== undefined ? edit.fullName.trim() : u.full_name;
      const nip = edit.nip !== undefined ? edit.nip?.replace(/\s+/g, '') || null : u.nip;
      const position = edit.position !== undefined ? edit.position?.trim() || null : u.position;
      const refusal =
        selfChangeProblem(actorId, id, { role, currentRole: u.role }) ??
        scopeProblem({ role, facilityCode }) ??
        nipProblem(nip);
      if (refusal) throw invalid(refusal.code, refusal.message);
      if (facilityCode && facilityCode !== u.facility_code && !(await repo.facilityExists(tx, facilityCode))) {
        throw notFound('FACILITY_NOT_FOUND', `Fasilitas dengan kode ${facilityCode} tidak ditemukan.`);
      }
      await repo.updateAccount(tx, id, { role, facilityCode, fullName, nip, position });
      const changed: Record<string, unknown> = {};
      if (role !== u.role) changed.role = { from: u.role, to: role };
      if (facilityCode !== u.facility_code) changed.facilityCode = { from: u.facility_code, to: facilityCode };
      // Profile values are named, not written: the audit log holds no personal data beyond ids.
      const profile = (['fullName', 'nip', 'position'] as const).filter(
        (k) => ({ fullName: fullName !== u.full_name, nip: nip !== u.nip, position: position !== u.position })[k],
      );
      if (profile.length) changed.profile = profile;
      if (Object.keys(changed).length === 0) return { id, changed: false };
      if (changed.role || changed.facilityCode) await revoke(id);
      await auditInTx(tx, { action: 'user.update', entityType: 'user', entityId: String(id), details: changed });
      return { id, changed: true };
    });
  }

  async function deactivate(actorId: number, id: number, reason: string) {
    const why = reason.trim();
    if (why.length < 5)
      throw invalid('REASON_REQUIRED', 'Tuliskan alasan penonaktifan (minimal 5 huruf), misalnya "pindah tugas".');
    return access.revoking(async (tx, revoke) => {
      const u = await find(tx, id);
      const refusal = selfChangeProblem(actorId, id, { deactivate: true, currentRole: u.role });
      if (refusal) throw invalid(refusal.code, refusal.message);
      if (u.disabled_at) throw conflict('USER_ALREADY_DISABLED', `Akun ${u.username} sudah nonaktif.`);
      const ended = await repo.deactivate(tx, id);
      await revoke(id);
      await auditInTx(tx, {
        action: 'user.deactivate',
        entityType: 'user',
        entityId: String(id),
        details: { ...ended, reason: why },
      });
      return { id, ...ended };
    });
  }

  async function reactivate(id: number) {
    return db.tx(async (tx) => {
      const u = await find(tx, id);
      if (!u.disabled_at) throw conflict('USER_NOT_DISABLED', `Akun ${u.username} masih aktif.`);
      await repo.reactivate(tx, id);
      await auditInTx(tx, { action: 'user.reactivate', entityType: 'user', entityId: String(id) });
      return { id };
    });
  }

  return { search: (q: string | null) => repo.searchUsers(db, q), update, deactivate, reactivate };
}

export type UserAdmin = ReturnType<typeof createUserAdmin>;
