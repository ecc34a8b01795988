/**
 * Every page is its own chunk: an officer at a registration desk loads the
 * eligibility page, not the audit log. The app shell too: a resident's phone
 * on the self-check page loads neither the menu of every module nor the
 * notification bell.
 */
import { lazy } from 'react';

export const Layout = lazy(() => import('./Layout'));
export const UnknownAddress = lazy(() => import('./UnknownAddress'));
export const LoginPage = lazy(() => import('../modules/access/LoginPage'));
export const SelfCheckPage = lazy(() => import('../modules/membership/SelfCheckPage'));
export const ChangePasswordPage = lazy(() => import('../modules/access/ChangePasswordPage'));
export const HomePage = lazy(() => import('./HomePage'));
export const EligibilityPage = lazy(() => import('../modules/membership/EligibilityPage'));
export const PersonSearchPage = lazy(() => import('../modules/population/PersonSearchPage'));
export const PersonPage = lazy(() => import('../modules/population/PersonPage'));
export const PopulationImportPage = lazy(() => import('../modules/population/PopulationImportPage'));
export const JknImportPage = lazy(() => import('../modules/membership/JknImportPage'));
export const PovertyImportPage = lazy(() => import('../modules/membership/PovertyImportPage'));
export const ChangeSetListPage = lazy(() => import('../modules/reconciliation/ChangeSetListPage'));
export const ChangeSetPage = lazy(() => import('../modules/reconciliation/ChangeSetPage'));
export const UsersPage = lazy(() => import('../modules/access/UsersPage'));
export const TokensPage = lazy(() => import('../modules/access/TokensPage'));
export const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
export const PersonTimelinePage = lazy(() => import('../modules/audit/PersonTimelinePage'));
export const DaysOffPage = lazy(() => import('../modules/calendar/DaysOffPage'));
export const ProgramSettingsPage = lazy(() => import('../modules/settings/ProgramSettingsPage'));
export const SjpSettingsPage = lazy(() => import('../modules/settings/SjpSettingsPage'));
export const LetterheadPage = lazy(() => import('../modules/settings/LetterheadPage'));
export const BirthsPage = lazy(() => import('../modules/births/BirthsPage'));
export const BirthFormPage = lazy(() => import('../modules/births/BirthFormPage'));
export const BirthPage = lazy(() => import('../modules/births/BirthPage'));
export const SignalsPage = lazy(() => import('../modules/signals/SignalsPage'));
export const MembershipReportPage = lazy(() => import('../modules/reports/MembershipReportPage'));
export const RecommendationListPage = lazy(() => import('../modules/dinsos/RecommendationListPage'));
export const RecommendationNewPage = lazy(() => import('../modules/dinsos/RecommendationNewPage'));
export const RecommendationPage = lazy(() => import('../modules/dinsos/RecommendationPage'));
export const VerifyRecommendationPage = lazy(() => import('../modules/dinsos/VerifyRecommendationPage'));
export const CardSearchPage = lazy(() => import('../modules/cards/CardSearchPage'));
export const FamilyCardPage = lazy(() => import('../modules/cards/FamilyCardPage'));
export const PrintQueuePage = lazy(() => import('../modules/cards/PrintQueuePage'));
export const VerifyCardPage = lazy(() => import('../modules/cards/VerifyCardPage'));
export const ReferralListPage = lazy(() => import('../modules/referrals/ReferralListPage'));
export const ReferralNewPage = lazy(() => import('../modules/referrals/ReferralNewPage'));
export const ReferralPage = lazy(() => import('../modules/referrals/ReferralPage'));
export const VerifyReferralPage = lazy(() => import('../modules/referrals/VerifyReferralPage'));
export const IcdLoadPage = lazy(() => import('../modules/referrals/IcdLoadPage'));
export const SjpListPage = lazy(() => import('../modules/guarantees/SjpListPage'));
export const SjpFormPage = lazy(() => import('../modules/guarantees/SjpFormPage'));
export const SjpPage = lazy(() => import('../modules/guarantees/SjpPage'));
export const TrackSjpPage = lazy(() => import('../modules/guarantees/TrackSjpPage'));
export const FacilitiesPage = lazy(() => import('../modules/facilities/FacilitiesPage'));
export const FacilityPage = lazy(() => import('../modules/facilities/FacilityPage'));
export const BedBoardPage = lazy(() => import('../modules/facilities/BedBoardPage'));
export const MonthlyReportsPage = lazy(() => import('../modules/facilities/MonthlyReportsPage'));
export const EmergencyReportsPage = lazy(() => import('../modules/facilities/EmergencyReportsPage'));
