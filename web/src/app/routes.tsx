import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { PageLoader } from '../shared/ui/PageLoader';
import { ForbiddenPage } from '../shared/ui/StatusPages';
import { paths } from './paths';
import { useSession } from './session';

// Every page is its own chunk: an officer at a registration desk loads the
// eligibility page, not the audit log.
// The app shell too: a resident's phone on the self-check page loads neither the
// menu of every module nor the notification bell.
const Layout = lazy(() => import('./Layout'));
const UnknownAddress = lazy(() => import('./UnknownAddress'));
const LoginPage = lazy(() => import('../modules/access/LoginPage'));
const SelfCheckPage = lazy(() => import('../modules/membership/SelfCheckPage'));
const ChangePasswordPage = lazy(() => import('../modules/access/ChangePasswordPage'));
const HomePage = lazy(() => import('./HomePage'));
const EligibilityPage = lazy(() => import('../modules/membership/EligibilityPage'));
const PersonSearchPage = lazy(() => import('../modules/population/PersonSearchPage'));
const PersonPage = lazy(() => import('../modules/population/PersonPage'));
const PopulationImportPage = lazy(() => import('../modules/population/PopulationImportPage'));
const JknImportPage = lazy(() => import('../modules/membership/JknImportPage'));
const PovertyImportPage = lazy(() => import('../modules/membership/PovertyImportPage'));
const ChangeSetListPage = lazy(() => import('../modules/reconciliation/ChangeSetListPage'));
const ChangeSetPage = lazy(() => import('../modules/reconciliation/ChangeSetPage'));
const UsersPage = lazy(() => import('../modules/access/UsersPage'));
const TokensPage = lazy(() => import('../modules/access/TokensPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const PersonTimelinePage = lazy(() => import('../modules/audit/PersonTimelinePage'));
const DaysOffPage = lazy(() => import('../modules/calendar/DaysOffPage'));
const ProgramSettingsPage = lazy(() => import('../modules/settings/ProgramSettingsPage'));
const SjpSettingsPage = lazy(() => import('../modules/settings/SjpSettingsPage'));
const LetterheadPage = lazy(() => import('../modules/settings/LetterheadPage'));
const BirthsPage = lazy(() => import('../modules/births/BirthsPage'));
const BirthFormPage = lazy(() => import('../modules/births/BirthFormPage'));
const BirthPage = lazy(() => import('../modules/births/BirthPage'));
const SignalsPage = lazy(() => import('../modules/signals/SignalsPage'));
const MembershipReportPage = lazy(() => import('../modules/reports/MembershipReportPage'));
const RecommendationListPage = lazy(() => import('../modules/dinsos/RecommendationListPage'));
const RecommendationNewPage = lazy(() => import('../modules/dinsos/RecommendationNewPage'));
const RecommendationPage = lazy(() => import('../modules/dinsos/RecommendationPage'));
const VerifyRecommendationPage = lazy(() => import('../modules/dinsos/VerifyRecommendationPage'));
const CardSearchPage = lazy(() => import('../modules/cards/CardSearchPage'));
const FamilyCardPage = lazy(() => import('../modules/cards/FamilyCardPage'));
const PrintQueuePage = lazy(() => import('../modules/cards/PrintQueuePage'));
const VerifyCardPage = lazy(() => import('../modules/cards/VerifyCardPage'));
const ReferralListPage = lazy(() => import('../modules/referrals/ReferralListPage'));
const ReferralNewPage = lazy(() => import('../modules/referrals/ReferralNewPage'));
const ReferralPage = lazy(() => import('../modules/referrals/ReferralPage'));
const VerifyReferralPage = lazy(() => import('../modules/referrals/VerifyReferralPage'));
const IcdLoadPage = lazy(() => import('../modules/referrals/IcdLoadPage'));
const SjpListPage = lazy(() => import('../modules/guarantees/SjpListPage'));
const SjpFormPage = lazy(() => import('../modules/guarantees/SjpFormPage'));
const SjpPage = lazy(() => import('../modules/guarantees/SjpPage'));
const TrackSjpPage = lazy(() => import('../modules/guarantees/TrackSjpPage'));

const FacilitiesPage = lazy(() => import('../modules/facilities/FacilitiesPage'));
const FacilityPage = lazy(() => import('../modules/facilities/FacilityPage'));
const BedBoardPage = lazy(() => import('../modules/facilities/BedBoardPage'));
const MonthlyReportsPage = lazy(() => import('../modules/facilities/MonthlyReportsPage'));
const EmergencyReportsPage = lazy(() => import('../modules/facilities/EmergencyReportsPage'));

/** Logged in, one-time password replaced; otherwise off to the right page. */
function RequireSession() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoader />;
  if (!me) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={paths.login + next} replace />;
  }
  if (me.mustChangePassword) return <Navigate to={paths.changePassword} replace />;
  return (
    <Suspense fallback={<PageLoader />}>
      <Layout>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Layout>
    </Suspense>
  );
}

function Need({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

/** Pages shared by the office (reads) and facilities (files): either permission opens them. */
function NeedAny({ permissions, page }: { permissions: string[]; page: ReactNode }) {
  const { can } = useSession();
  return permissions.some((p) => can(p)) ? <>{page}</> : <ForbiddenPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path={paths.selfCheck}
        element={
          <Suspense fallback={<PageLoader />}>
            <SelfCheckPage />
          </Suspense>
        }
      />
      {[paths.verifyRecommendation(), paths.verifyRecommendation(':code')].map((p) => (
        <Route
          key={p}
          path={p}
          element={
            <Suspense fallback={<PageLoader />}>
              <VerifyRecommendationPage />
            </Suspense>
          }
        />
      ))}
      {[paths.verifyCard(), paths.verifyCard(':code')].map((p) => (
        <Route
          key={p}
          path={p}
          element={
            <Suspense fallback={<PageLoader />}>
              <VerifyCardPage />
            </Suspense>
          }
        />
      ))}
      {[paths.verifyReferral(), paths.verifyReferral(':code')].map((p) => (
        <Route
          key={p}
          path={p}
          element={
            <Suspense fallback={<PageLoader />}>
              <VerifyReferralPage />
            </Suspense>
          }
        />
      ))}
      {[paths.trackSjp(), paths.trackSjp(':code')].map((p) => (
        <Route
          key={p}
          path={p}
          element={
            <Suspense fallback={<PageLoader />}>
              <TrackSjpPage />
            </Suspense>
          }
        />
      ))}
      <Route
        path={paths.login}
        element={
          <Suspense fallback={<PageLoader />}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        path={paths.changePassword}
        element={
          <Suspense fallback={<PageLoader />}>
            <ChangePasswordPage />
          </Suspense>
        }
      />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        <Route
          path={paths.eligibility}
          element={
            <Need permission="eligibility.check">
              <EligibilityPage />
            </Need>
          }
        />
        <Route
          path={paths.persons}
          element={
            <Need permission="person.read">
              <PersonSearchPage />
            </Need>
          }
        />
        <Route
          path={`${paths.persons}/:nik`}
          element={
            <Need permission="person.read">
              <PersonPage />
            </Need>
          }
        />
        <Route
          path={paths.importPopulation}
          element={
            <Need permission="population.import">
              <PopulationImportPage />
            </Need>
          }
        />
        <Route
          path={paths.importJkn}
          element={
            <Need permission="jkn.import">
              <JknImportPage />
            </Need>
          }
        />
        <Route
          path={paths.importPoverty}
          element={
            <Need permission="poverty.import">
              <PovertyImportPage />
            </Need>
          }
        />
        <Route
          path={paths.reconciliation}
          element={
            <Need permission="reconciliation.read">
              <ChangeSetListPage />
            </Need>
          }
        />
        <Route
          path={paths.changeSet(':id')}
          element={
            <Need permission="reconciliation.read">
              <ChangeSetPage />
            </Need>
          }
        />
        <Route
          path={paths.facilities}
          element={
            <Need permission="facility.read">
              <FacilitiesPage />
            </Need>
          }
        />
        <Route
          path={paths.facility(':code')}
          element={
            <Need permission="facility.read">
              <FacilityPage />
            </Need>
          }
        />
        <Route path={paths.bedBoard} element={<NeedAny permissions={['bedboard.read', 'bedboard.report']} page={<BedBoardPage />} />} />
        <Route path={paths.monthlyReports} element={<NeedAny permissions={['monthly-report.read', 'monthly-report.submit']} page={<MonthlyReportsPage />} />} />
        <Route path={paths.emergencyReports} element={<NeedAny permissions={['emergency.read', 'emergency.report']} page={<EmergencyReportsPage />} />} />
        <Route
          path={paths.users}
          element={
            <Need permission="users.manage">
              <UsersPage />
            </Need>
          }
        />
        <Route
          path={paths.tokens}
          element={
            <Need permission="tokens.manage">
              <TokensPage />
            </Need>
          }
        />
        <Route
          path={paths.audit}
          element={
            <Need permission="audit.read">
              <AuditPage />
            </Need>
          }
        />
        <Route
          path={paths.calendar}
          element={
            <Need permission="calendar.manage">
              <DaysOffPage />
            </Need>
          }
        />
        <Route
          path={paths.settings}
          element={
            <Need permission="settings.read">
              <ProgramSettingsPage />
            </Need>
          }
        />
        <Route
          path={paths.auditTimeline(':nik')}
          element={
            <Need permission="membership.history">
              <PersonTimelinePage />
            </Need>
          }
        />
        <Route
          path={paths.sjpSettings}
          element={
            <Need permission="settings.read">
              <SjpSettingsPage />
            </Need>
          }
        />
        <Route
          path={paths.letterhead}
          element={
            <Need permission="settings.read">
              <LetterheadPage />
            </Need>
          }
        />
        <Route
          path={paths.births}
          element={
            <Need permission="birth.read">
              <BirthsPage />
            </Need>
          }
        />
        <Route
          path={paths.birthNew}
          element={
            <Need permission="birth.record">
              <BirthFormPage />
            </Need>
          }
        />
        <Route
          path={paths.signals}
          element={
            <Need permission="signals.read">
              <SignalsPage />
            </Need>
          }
        />
        <Route
          path={paths.membershipReport}
          element={
            <Need permission="report.membership">
              <MembershipReportPage />
            </Need>
          }
        />
        <Route
          path={`${paths.births}/:id`}
          element={
            <Need permission="birth.read">
              <BirthPage />
            </Need>
          }
        />
        <Route
          path={paths.recommendations}
          element={
            <Need permission="recommendation.read">
              <RecommendationListPage />
            </Need>
          }
        />
        <Route
          path={paths.recommendationNew}
          element={
            <Need permission="recommendation.manage">
              <RecommendationNewPage />
            </Need>
          }
        />
        <Route
          path={paths.recommendation(':id')}
          element={
            <Need permission="recommendation.read">
              <RecommendationPage />
            </Need>
          }
        />
        <Route
          path={paths.cards}
          element={
            <Need permission="card.read">
              <CardSearchPage />
            </Need>
          }
        />
        <Route
          path={paths.familyCard(':noKk')}
          element={
            <Need permission="card.read">
              <FamilyCardPage />
            </Need>
          }
        />
        <Route
          path={paths.cardPrint}
          element={
            <Need permission="card.read">
              <PrintQueuePage />
            </Need>
          }
        />
        <Route
          path={paths.referrals}
          element={
            <Need permission="referral.read">
              <ReferralListPage />
            </Need>
          }
        />
        <Route
          path={paths.referralNew}
          element={
            <Need permission="referral.create">
              <ReferralNewPage />
            </Need>
          }
        />
        <Route
          path={paths.referral(':id')}
          element={
            <Need permission="referral.read">
              <ReferralPage />
            </Need>
          }
        />
        <Route
          path={paths.icdLoad}
          element={
            <Need permission="icd.manage">
              <IcdLoadPage />
            </Need>
          }
        />
        <Route
          path={paths.sjpList}
          element={
            <Need permission="sjp.read">
              <SjpListPage />
            </Need>
          }
        />
        <Route
          path={paths.sjpNew}
          element={
            <Need permission="sjp.request">
              <SjpFormPage />
            </Need>
          }
        />
        <Route
          path={paths.sjp(':id')}
          element={
            <Need permission="sjp.read">
              <SjpPage />
            </Need>
          }
        />
      </Route>
      {/* Outside the session guard: an unknown address says so, in the shell when logged in, not "please log in". */}
      <Route
        path="*"
        element={
          <Suspense fallback={<PageLoader />}>
            <UnknownAddress />
          </Suspense>
        }
      />
    </Routes>
  );
}
