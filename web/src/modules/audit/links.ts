import type { Permission } from '@server/platform/http/schemas';
import { paths } from '../../app/paths';

/**
 * Where an audit row's record can be opened, if it has a page: the person's
 * page (with the membership timeline), an SJP, a referral, a family's card, a
 * Dinsos letter, a change set, a birth, a facility, an account or a setting.
 */
export function recordLink(
  type: string | null,
  id: string | null,
  ref: string | null,
  can: (permission: Permission) => boolean,
): string | null {
  if (!type) return null;
  // A link only where the reader may open the page: no link is better than a "no access" page.
  const when = (permission: Permission, to: string | null) => (to && can(permission) ? to : null);
  const nik = id && /^\d{16}$/.test(id) ? id : null;
  switch (type) {
    case 'person':
      // The population record for whoever may read it, else the membership timeline (the auditor).
      return (
        when('person.read', nik && paths.person(nik)) ?? when('membership.history', nik && paths.auditTimeline(nik))
      );
    case 'family':
      return when('card.read', nik && paths.familyCard(nik));
    case 'family_card':
      return when('card.read', ref && paths.familyCard(ref));
    case 'sjp_request':
      return when('sjp.read', id && paths.sjp(id));
    case 'referral':
      return when('referral.read', id && paths.referral(id));
    case 'recommendation':
      return when('recommendation.read', id && paths.recommendation(id));
    case 'reconciliation_change_set':
      return when('reconciliation.read', id && paths.changeSet(id));
    case 'birth_record':
      return when('birth.read', id && paths.birth(id));
    case 'facility':
      return when('facility.read', id && paths.facility(id));
    case 'user':
      return when('users.manage', ref ? `${paths.users}?q=${encodeURIComponent(ref)}` : paths.users);
    case 'api_token':
      return when('tokens.manage', paths.tokens);
    case 'program_setting':
      return when('settings.read', paths.settings);
    case 'sjp_setting':
      return when('settings.read', paths.sjpSettings);
    case 'day_off':
      return when('calendar.manage', paths.calendar);
    default:
      return null;
  }
}
