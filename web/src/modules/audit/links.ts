import { paths } from '../../app/paths';

/**
 * Where an audit row's record can be opened, if it has a page: the person's
 * page (with the membership timeline), an SJP, a referral, a family's card, a
 * Dinsos letter, a change set, a birth, a facility, an account or a setting.
 */
export function recordLink(type: string | null, id: string | null, ref: string | null): string | null {
  if (!type) return null;
  switch (type) {
    case 'person':
      return id && /^\d{16}$/.test(id) ? paths.person(id) : null;
    case 'family':
      return id && /^\d{16}$/.test(id) ? paths.familyCard(id) : null;
    case 'family_card':
      return ref ? paths.familyCard(ref) : null;
    case 'sjp_request':
      return id ? paths.sjp(id) : null;
    case 'referral':
      return id ? paths.referral(id) : null;
    case 'recommendation':
      return id ? paths.recommendation(id) : null;
    case 'reconciliation_change_set':
      return id ? paths.changeSet(id) : null;
    case 'birth_record':
      return id ? paths.birth(id) : null;
    case 'facility':
      return id ? paths.facility(id) : null;
    case 'user':
      return ref ? `${paths.users}?q=${encodeURIComponent(ref)}` : paths.users;
    case 'api_token':
      return paths.tokens;
    case 'program_setting':
      return paths.settings;
    case 'sjp_setting':
      return '/pengaturan-sjp';
    case 'day_off':
      return paths.calendar;
    default:
      return null;
  }
}
