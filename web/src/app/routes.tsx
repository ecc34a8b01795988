import type { Permission } from '@server/platform/http/schemas';
import { Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { PageLoader } from '../shared/ui/PageLoader';
import { ForbiddenPage } from '../shared/ui/StatusPages';
import { paths } from './paths';
import { useSession } from './session';
import * as Page from './pages';

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
      <Page.Layout>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Page.Layout>
    </Suspense>
  );
}

function Need({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

/** Pages shared by the office (reads) and facilities (files): either permission opens them. */
function NeedAny({ permissions, page }: { permissions: Permission[]; page: ReactNode }) {
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
            <Page.SelfCheckPage />
          </Suspense>
        }
      />
      {[paths.verifyRecommendation(), paths.verifyRecommendation(':code')].map((p) => (
        <Route
          key={p}
          path={p}
          element={
            <Suspense fallback={<PageLoader />}>
              <Page.VerifyRecommendationPage />
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
              <Page.VerifyCardPage />
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
              <Page.VerifyReferralPage />
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
              <Page.TrackSjpPage />
            </Suspense>
          }
        />
      ))}
      <Route
        path={paths.login}
        element={
          <Suspense fallback={<PageLoader />}>
            <Page.LoginPage />
          </Suspense>
        }
      />
      <Route
        path={paths.changePassword}
        element={
          <Suspense fallback={<PageLoader />}>
            <Page.ChangePasswordPage />
          </Suspense>
        }
      />
      <Route element={<RequireSession />}>
        <Route index element={<Page.HomePage />} />
        <Route
          path={paths.eligibility}
          element={
            <Need permission="eligibility.check">
              <Page.EligibilityPage />
            </Need>
          }
        />
        <Route
          path={paths.persons}
          element={
            <Need permission="person.read">
              <Page.PersonSearchPage />
            </Need>
          }
        />
        <Route
          path={`${paths.persons}/:nik`}
          element={
            <Need permission="person.read">
              <Page.PersonPage />
            </Need>
          }
        />
        <Route
          path={paths.importPopulation}
          element={
            <Need permission="population.import">
              <Page.PopulationImportPage />
            </Need>
          }
        />
        <Route
          path={paths.importJkn}
          element={
            <Need permission="jkn.import">
              <Page.JknImportPage />
            </Need>
          }
        />
        <Route
          path={paths.importPoverty}
          element={
            <Need permission="poverty.import">
              <Page.PovertyImportPage />
            </Need>
          }
        />
        <Route
          path={paths.reconciliation}
          element={
            <Need permission="reconciliation.read">
              <Page.ChangeSetListPage />
            </Need>
          }
        />
        <Route
          path={paths.changeSet(':id')}
          element={
            <Need permission="reconciliation.read">
              <Page.ChangeSetPage />
            </Need>
          }
        />
        <Route
          path={paths.facilities}
          element={
            <Need permission="facility.read">
              <Page.FacilitiesPage />
            </Need>
          }
        />
        <Route
          path={paths.facility(':code')}
          element={
            <Need permission="facility.read">
              <Page.FacilityPage />
            </Need>
          }
        />
        <Route
          path={paths.bedBoard}
          element={<NeedAny permissions={['bedboard.read', 'bedboard.report']} page={<Page.BedBoardPage />} />}
        />
        <Route
          path={paths.monthlyReports}
          element={
            <NeedAny
              permissions={['monthly-report.read', 'monthly-report.submit']}
              page={<Page.MonthlyReportsPage />}
            />
          }
        />
        <Route
          path={paths.emergencyReports}
          element={
            <NeedAny permissions={['emergency.read', 'emergency.report']} page={<Page.EmergencyReportsPage />} />
          }
        />
        <Route
          path={paths.users}
          element={
            <Need permission="users.manage">
              <Page.UsersPage />
            </Need>
          }
        />
        <Route
          path={paths.tokens}
          element={
            <Need permission="tokens.manage">
              <Page.TokensPage />
            </Need>
          }
        />
        <Route
          path={paths.audit}
          element={
            <Need permission="audit.read">
              <Page.AuditPage />
            </Need>
          }
        />
        <Route
          path={paths.calendar}
          element={
            <Need permission="calendar.manage">
              <Page.DaysOffPage />
            </Need>
          }
        />
        <Route
          path={paths.settings}
          element={
            <Need permission="settings.read">
              <Page.ProgramSettingsPage />
            </Need>
          }
        />
        <Route
          path={paths.auditTimeline(':nik')}
          element={
            <Need permission="membership.history">
              <Page.PersonTimelinePage />
            </Need>
          }
        />
        <Route
          path={paths.sjpSettings}
          element={
            <Need permission="settings.read">
              <Page.SjpSettingsPage />
            </Need>
          }
        />
        <Route
          path={paths.letterhead}
          element={
            <Need permission="settings.read">
              <Page.LetterheadPage />
            </Need>
          }
        />
        <Route
          path={paths.births}
          element={
            <Need permission="birth.read">
              <Page.BirthsPage />
            </Need>
          }
        />
        <Route
          path={paths.birthNew}
          element={
            <Need permission="birth.record">
              <Page.BirthFormPage />
            </Need>
          }
        />
        <Route
          path={paths.signals}
          element={
            <Need permission="signals.read">
              <Page.SignalsPage />
            </Need>
          }
        />
        <Route
          path={paths.membershipReport}
          element={
            <Need permission="report.membership">
              <Page.MembershipReportPage />
            </Need>
          }
        />
        <Route
          path={`${paths.births}/:id`}
          element={
            <Need permission="birth.read">
              <Page.BirthPage />
            </Need>
          }
        />
        <Route
          path={paths.recommendations}
          element={
            <Need permission="recommendation.read">
              <Page.RecommendationListPage />
            </Need>
          }
        />
        <Route
          path={paths.recommendationNew}
          element={
            <Need permission="recommendation.manage">
              <Page.RecommendationNewPage />
            </Need>
          }
        />
        <Route
          path={paths.recommendation(':id')}
          element={
            <Need permission="recommendation.read">
              <Page.RecommendationPage />
            </Need>
          }
        />
        <Route
          path={paths.cards}
          element={
            <Need permission="card.read">
              <Page.CardSearchPage />
            </Need>
          }
        />
        <Route
          path={paths.familyCard(':noKk')}
          element={
            <Need permission="card.read">
              <Page.FamilyCardPage />
            </Need>
          }
        />
        <Route
          path={paths.cardPrint}
          element={
            <Need permission="card.read">
              <Page.PrintQueuePage />
            </Need>
          }
        />
        <Route
          path={paths.referrals}
          element={
            <Need permission="referral.read">
              <Page.ReferralListPage />
            </Need>
          }
        />
        <Route
          path={paths.referralNew}
          element={
            <Need permission="referral.create">
              <Page.ReferralNewPage />
            </Need>
          }
        />
        <Route
          path={paths.referral(':id')}
          element={
            <Need permission="referral.read">
              <Page.ReferralPage />
            </Need>
          }
        />
        <Route
          path={paths.icdLoad}
          element={
            <Need permission="icd.manage">
              <Page.IcdLoadPage />
            </Need>
          }
        />
        <Route
          path={paths.sjpList}
          element={
            <Need permission="sjp.read">
              <Page.SjpListPage />
            </Need>
          }
        />
        <Route
          path={paths.sjpNew}
          element={
            <Need permission="sjp.request">
              <Page.SjpFormPage />
            </Need>
          }
        />
        <Route
          path={paths.sjp(':id')}
          element={
            <Need permission="sjp.read">
              <Page.SjpPage />
            </Need>
          }
        />
      </Route>
      {/* Outside the session guard: an unknown address says so, in the shell when logged in, not "please log in". */}
      <Route
        path="*"
        element={
          <Suspense fallback={<PageLoader />}>
            <Page.UnknownAddress />
          </Suspense>
        }
      />
    </Routes>
  );
}
