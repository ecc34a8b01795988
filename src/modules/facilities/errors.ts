import { currentContext } from '../../platform/http/context.js';
import { forbidden, invalid } from '../../platform/http/errors.js';

export function actor() {
  const a = currentContext()?.actor;
  return { id: a && a.id > 0 ? a.id : null, facilityCode: a?.facilityCode ?? null };
}

/** The facility a facility user acts for; office users may not file a facility's reports. */
export function ownFacility(): string {
  const code = actor().facilityCode;
  if (!code) throw forbidden('Hanya petugas fasilitas yang dapat melaporkan untuk fasilitasnya sendiri.');
  return code;
}

export function problemsError(code: string, problems: { field?: string; message: string }[]) {
  return invalid(code, problems.map((p) => p.message).join(' '), { problems });
}
