import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './platform/paths.js';
import type { Config } from './platform/config.js';
import { openDb, type Db } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import { AuditWriter } from './platform/audit/audit.js';
import { auditRoutes } from './platform/audit/routes.js';
import { createAuditReader } from './platform/audit/service.js';
import { calendarRoutes, createCalendarService } from './platform/calendar/index.js';
import { buildApp, type App } from './platform/http/app.js';
import { createDocumentStore } from './platform/documents/store.js';
import { documentRoutes } from './platform/documents/routes.js';
import { createLetterheadService, letterheadRoutes, signerOf } from './platform/documents/letterhead.js';
import { createNotificationService } from './platform/notifications/notifications.js';
import { notificationRoutes } from './platform/notifications/routes.js';
import { createImportRunner } from './platform/ingest/runner.js';
import { createImportHistory } from './platform/ingest/history.js';
import { importHistoryRoute, importRoutes } from './platform/ingest/routes.js';
import { createJobService } from './platform/jobs/jobs.js';
import { jobRoutes } from './platform/jobs/routes.js';
import { createAccessService } from './modules/access/index.js';
import { accessRoutes } from './modules/access/index.js';
import { createAreaService } from './modules/areas/index.js';
import { syncAreas } from './modules/areas/index.js';
import { areaRoutes } from './modules/areas/index.js';
import { createCardService } from './modules/cards/index.js';
import { createCardPrintService } from './modules/cards/index.js';
import { cardRoutes } from './modules/cards/index.js';
import { createBirthService } from './modules/births/index.js';
import { createSignalService } from './modules/signals/index.js';
import { createMembershipReport } from './modules/reports/index.js';
import { reportRoutes } from './modules/reports/index.js';
import { signalRoutes } from './modules/signals/index.js';
import { birthRoutes } from './modules/births/index.js';
import { createRecommendationService, userNameFrom } from './modules/dinsos/index.js';
import { dinsosRoutes } from './modules/dinsos/index.js';
import { populationRegency } from './modules/dinsos/index.js';
import { importJkn } from './modules/jkn/index.js';
import { importPoverty } from './modules/poverty/index.js';
import { createEligibilityService } from './modules/membership/index.js';
import { membershipRoutes } from './modules/membership/index.js';
import { createChangeService } from './modules/membership/index.js';
import { createSettingsService } from './modules/membership/index.js';
import { createSelfCheckService } from './modules/membership/index.js';
import { importPopulation } from './modules/population/index.js';
import { createPeopleService } from './modules/population/index.js';
import { populationRoutes } from './modules/population/index.js';
import { createReconciliationService } from './modules/reconciliation/index.js';
import { reconciliationRoutes } from './modules/reconciliation/index.js';
import { createSjpService } from './modules/guarantees/index.js';
import { createSjpDesk } from './modules/guarantees/index.js';
import { sjpRoutes } from './modules/guarantees/index.js';
import { createSjpCareService } from './modules/guarantees/index.js';
import { createFacilityService } from './modules/facilities/index.js';
import { facilityRoutes } from './modules/facilities/index.js';
import { createIcdService } from './modules/icd/index.js';
import { icdRoutes } from './modules/icd/index.js';
import { createReferralService } from './modules/referrals/index.js';
import { referralRoutes } from './modules/referrals/index.js';
import { createDashboard } from './modules/dashboard/index.js';
import { dashboardRoutes } from './modules/dashboard/index.js';
import { createUserAdmin } from './modules/access/index.js';
import { userAdminRoutes } from './modules/access/index.js';
import { cardFamilies } from './modules/cards/index.js';

export const ROOT_DIR = projectRoot();

export interface SystemOptions {
  /** Use this database instead of opening one (tests); it is not closed with the system. */
  db?: Db;
  log?: (err: unknown, msg: string) => void;
}

/**
 * The composition root: opens the database, brings its schema and reference
 * data up to date and wires every module's service with exactly what it needs.
 */
export async function createSystem(config: Config, opts: SystemOptions = {}) {
  const db = opts.db ?? (await openDb(config));
  const log =
    opts.log ??
    ((err: unknown, msg: string) => process.stderr.write(`${msg}: ${(err as Error)?.stack ?? String(err)}\n`));
  await migrate(db);
  await syncAreas(db);
  const audit = new AuditWriter(db);
  const access = createAccessService(db, config);
  const jobs = createJobService(db, log);
  const settings = createSettingsService(db);
  const eligibility = createEligibilityService(db, settings);
  const people = createPeopleService(db, audit);
  const selfCheck = createSelfCheckService(db, settings);
  const calendar = createCalendarService(db);
  const areas = createAreaService(db);
  // MEM-7: later population and JKN files become change sets for review; DTKS still applies directly.
  const reconciliation = createReconciliationService(db, { audit, settings, areas, guard: config.importGuard });
  const rejectLimit = { maxRejectedPercent: config.importGuard.maxRejectedPercent };
  const imports = createImportRunner(
    db,
    jobs,
    { reports: path.join(config.dataDir, 'reports'), uploads: path.join(config.dataDir, 'uploads') },
    {
      population: (d, input) =>
        importPopulation(d, input, (tx, r) => reconciliation.propose(tx, 'population', r), rejectLimit),
      jkn: (d, input) => importJkn(d, input, (tx, r) => reconciliation.propose(tx, 'jkn', r), rejectLimit),
      poverty: importPoverty,
    },
    { beforeStart: reconciliation.assertNoPending },
  );
  const importHistory = createImportHistory(db, { reviewsOf: reconciliation.ofImports });
  // After the runner registered its hook: jobs, import rows and uploads cut off by a crash (issue 10), now and every minute.
  await jobs.recoverInterrupted();
  const stopRecovery = jobs.watchInterrupted();
  const notifications = createNotificationService(db);
  const documents = createDocumentStore(db, path.join(config.dataDir, 'documents'), config.documentMaxBytes);
  const signals = createSignalService(db, settings, audit);
  const membershipReport = createMembershipReport(db, settings, audit);
  const changes = createChangeService(db, eligibility.decide, audit, settings);
  const births = createBirthService(db, { documents, decide: eligibility.decide, audit });
  // One letterhead for every printed letter: the administrator's setting, else the population's region.
  const letterheads = createLetterheadService(db, {
    fallbackAreaName: async () => {
      const code = await populationRegency(db);
      return code ? ((await areas.get(code))?.name ?? null) : null;
    },
  });
  const recommendations = createRecommendationService(db, {
    audit,
    areas,
    publicUrl: config.publicUrl,
    userName: userNameFrom(access),
    letterheads,
  });
  const cards = createCardService(db, audit, jobs, { publicUrl: config.publicUrl, eligibility, settings });
  const cardPrint = createCardPrintService(db, audit, { publicUrl: config.publicUrl, settings, letterheads });
  // SJP guarantee letters: requests, the 3×24 working-hour clock, decisions and the letter.
  const icd = createIcdService(db, path.join(ROOT_DIR, 'reference'));
  const sjp = createSjpService(db, {
    documents,
    audit,
    calendar,
    eligibility,
    births,
    // Called per request, after `referrals` below exists.
    referrals: { get: (id) => referrals.get(id) },
    icd,
    publicUrl: config.publicUrl,
    fullName: async (id) => (await signerOf(db, id))?.name ?? null,
  });
  const sjpDesk = createSjpDesk(db, { sjp, calendar, audit, publicUrl: config.publicUrl, letterheads });
  const sjpCare = createSjpCareService(db, { sjp, calendar, documents });
  const facilities = createFacilityService(db, { audit, documents, calendar, eligibility });
  // ICD-10 and the primary-care competency list: the shipped subset loads into empty tables.
  await icd.ensureShipped();
  const referrals = createReferralService(db, {
    audit,
    icd,
    eligibility,
    publicUrl: config.publicUrl,
    userName: userNameFrom(access),
    letterheads,
  });
  // Home-page work counters, composed from each module's read-only counts.
  const dashboard = createDashboard(db, { settings, signals });
  const userAdmin = createUserAdmin(db, access);
  const cookieSecret = config.cookieSecret ?? loadOrCreateSecret(config.dataDir);

  async function close() {
    stopRecovery();
    await audit.flush();
    await access.close();
    if (!opts.db) await db.close();
  }

  return {
    config: { ...config, cookieSecret },
    db,
    audit,
    access,
    jobs,
    settings,
    eligibility,
    selfCheck,
    people,
    calendar,
    areas,
    imports,
    importHistory,
    reconciliation,
    documents,
    notifications,
    births,
    changes,
    signals,
    membershipReport,
    recommendations,
    cards,
    cardPrint,
    sjp,
    sjpDesk,
    sjpCare,
    facilities,
    icd,
    referrals,
    letterheads,
    dashboard,
    userAdmin,
    close,
  };
}

export type System = Awaited<ReturnType<typeof createSystem>>;

export async function createServer(sys: System, opts: { logStream?: NodeJS.WritableStream } = {}): Promise<App> {
  const app = await buildApp({
    logStream: opts.logStream,
    config: sys.config,
    auth: sys.access,
    health: async () => {
      await sys.db.query('SELECT 1');
    },
    webDist: process.env.JK_WEB_DIST ? path.resolve(process.env.JK_WEB_DIST) : path.join(ROOT_DIR, 'web', 'dist'),
    routes: (api) => {
      accessRoutes(api, sys.access, sys.config);
      jobRoutes(api, sys.jobs);
      auditRoutes(api, createAuditReader(sys.db, sys.audit, { cardFamilies: (ids) => cardFamilies(sys.db, ids) }));
      calendarRoutes(api, sys.calendar);
      areaRoutes(api, sys.areas);
      const imports = { history: sys.importHistory, runner: sys.imports, audit: sys.audit };
      importRoutes(api, imports, 'population', 'population.import');
      importRoutes(api, imports, 'jkn', 'jkn.import');
      importRoutes(api, imports, 'poverty', 'poverty.import');
      importHistoryRoute(api, sys.importHistory);
      reconciliationRoutes(api, sys.reconciliation);
      documentRoutes(api, sys.documents);
      notificationRoutes(api, sys.notifications);
      birthRoutes(api, sys.births);
      signalRoutes(api, sys.signals);
      reportRoutes(api, sys.membershipReport);
      dinsosRoutes(api, sys.recommendations);
      cardRoutes(api, { cards: sys.cards, print: sys.cardPrint });
      sjpRoutes(api, { sjp: sys.sjp, desk: sys.sjpDesk, care: sys.sjpCare });
      facilityRoutes(api, { facilities: sys.facilities });
      icdRoutes(api, sys.icd);
      referralRoutes(api, sys.referrals);
      letterheadRoutes(api, sys.letterheads);
      dashboardRoutes(api, sys.dashboard);
      userAdminRoutes(api, sys.userAdmin);
      populationRoutes(api, sys.people);
      membershipRoutes(api, {
        eligibility: sys.eligibility,
        settings: sys.settings,
        selfCheck: sys.selfCheck,
        changes: sys.changes,
        ratePerMinute: sys.config.eligibilityRatePerMinute,
      });
    },
  });
  app.addHook('onClose', async () => {
    await sys.audit.flush();
  });
  return app;
}

/** Cookie-signing secret kept beside the data, created on first start; never in the repository. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'cookie-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
