/**
 * The demo region, smaller, for end-to-end tests that look at every page:
 * generated residents loaded through the real imports, facilities with
 * agreements, one user per role, then cards, letters, a birth, SJP requests
 * and referrals made through the services as the demo does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROLES, type Role } from '../../src/platform/http/permissions.js';
import { generateRegion } from '../../src/modules/synthetic/index.js';
import { firstFacility, loadFacilities, seedFacilitiesDemo } from '../../src/modules/facilities/index.js';
import { seedReferralsDemo } from '../../src/modules/referrals/index.js';
import { seedSjpDemo } from '../../src/modules/guarantees/index.js';
import { seedMembershipDemo } from '../../src/cli/demo-membership.js';
import type { System } from '../../src/system.js';
import { userWithPassword } from './harness.js';
import { importPath } from '../helpers/system.js';

export interface SeededDemo {
  /** Usable password of `e2e.<role>` for every role. */
  passwords: Map<Role, string>;
  username: (role: Role) => string;
}

export async function seedDemo(sys: System, people = 400): Promise<SeededDemo> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-e2e-demo-'));
  try {
    const asOf = '2026-11-01';
    await generateRegion({ people, outDir: dir, seed: 'e2e', asOf });
    await loadFacilities(sys.db, path.join(dir, 'facilities.csv'));
    await seedFacilitiesDemo(sys);
    for (const kind of ['population', 'jkn'] as const) {
      await importPath(sys, kind, path.join(dir, `${kind}.csv`), asOf);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const puskesmas = await firstFacility(sys.db, 'PPK1');
  const hospital = await firstFacility(sys.db, 'PPK2');
  const username = (role: Role) => `e2e.${role}`;
  const passwords = new Map<Role, string>();
  for (const role of ROLES) {
    const facility = role === 'puskesmas' ? puskesmas?.code : role === 'rumahsakit' ? hospital?.code : undefined;
    passwords.set(role, await userWithPassword(sys, username(role), role, facility));
  }
  const users = await sys.access.listUsers();
  const actor = (role: Role) => {
    const u = users.find((x) => x.username === username(role))!;
    return { id: u.id, username: u.username, role, facilityCode: u.facility_code ?? null, via: 'system' as const };
  };
  await seedMembershipDemo(sys, { hospital: actor('rumahsakit'), puskesmas: actor('puskesmas') });
  await seedSjpDemo(sys, { hospital: actor('rumahsakit'), officer: actor('sjp') });
  await seedReferralsDemo(sys, { puskesmas: actor('puskesmas'), hospital: actor('rumahsakit') });
  return { passwords, username };
}
