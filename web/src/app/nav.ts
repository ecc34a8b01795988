import {
  IconCalendarEvent,
  IconDatabaseImport,
  IconFileSearch,
  IconHome,
  IconKey,
  IconSettings,
  IconShieldCheck,
  IconUserSearch,
  IconUsers,
  IconHeartbeat,
  IconBabyCarriage,
  IconAlertTriangle,
  IconChartBar,
  IconFileCertificate,
  type Icon,
} from '@tabler/icons-react';
import { IconArrowsDiff, IconClockExclamation, IconLetterCase } from '@tabler/icons-react';
import type { Permission } from '@server/platform/http/schemas';
import { t } from '../shared/i18n';
import { s as dinsos } from '../modules/dinsos/strings';
import { IconId, IconPrinter } from '@tabler/icons-react';
import { s as cards } from '../modules/cards/strings';
import { paths } from './paths';
import { IconBed, IconBuildingHospital, IconReportMedical, IconUrgent } from '@tabler/icons-react';
import { s as fac } from '../modules/facilities/strings';
import { IconFileCertificate as IconSjp } from '@tabler/icons-react';
import { s as sjp } from '../modules/guarantees/strings';
import { IconArrowForwardUp, IconStethoscope } from '@tabler/icons-react';
import { s as referrals } from '../modules/referrals/strings';

export interface NavItem {
  to: string;
  label: string;
  /** One line for the home tiles. */
  description: string;
  icon: Icon;
  /** Shown only when the user has this permission; home has none. */
  permission?: Permission;
  section: 'main' | 'care' | 'membership' | 'admin';
}

/** The navbar and the home tiles both come from this list, filtered by the user's permissions. */
export const NAV_ITEMS: NavItem[] = [
  { to: paths.home, label: t.nav.home, description: '', icon: IconHome, section: 'main' },
  {
    to: paths.eligibility,
    label: t.nav.eligibility,
    description: 'Apakah NIK ini dijamin pada tanggal layanan, dan atas dasar apa?',
    icon: IconShieldCheck,
    permission: 'eligibility.check',
    section: 'membership',
  },
  {
    to: paths.persons,
    label: t.nav.persons,
    description: 'Cari penduduk menurut NIK, nomor KK atau nama; lihat keluarga dan status JKN.',
    icon: IconUserSearch,
    permission: 'person.read',
    section: 'membership',
  },
  {
    to: paths.importPopulation,
    label: t.nav.importPopulation,
    description: 'Unggah snapshot data kependudukan Dukcapil (CSV atau XLSX).',
    icon: IconDatabaseImport,
    permission: 'population.import',
    section: 'membership',
  },
  {
    to: paths.importJkn,
    label: t.nav.importJkn,
    description: 'Unggah data kepesertaan JKN dari BPJS Kesehatan (CSV atau XLSX).',
    icon: IconHeartbeat,
    permission: 'jkn.import',
    section: 'membership',
  },
  {
    to: paths.reconciliation,
    label: 'Rekonsiliasi',
    description: 'Tinjau daftar perubahan dari impor data penduduk dan JKN, lalu setujui atau tolak.',
    icon: IconArrowsDiff,
    permission: 'reconciliation.read',
    section: 'membership',
  },
  {
    to: paths.importPoverty,
    label: t.nav.importPoverty,
    description: 'Unggah Data Terpadu Kesejahteraan Sosial (DTKS) dari Dinas Sosial/Kemensos.',
    icon: IconDatabaseImport,
    permission: 'poverty.import',
    section: 'membership',
  },
  {
    to: paths.births,
    label: 'Kelahiran',
    description: 'Catat kelahiran bayi dari peserta beserta akta atau surat keterangan lahirnya.',
    icon: IconBabyCarriage,
    permission: 'birth.read',
    section: 'membership',
  },
  {
    to: paths.signals,
    label: 'Sinyal penyalahgunaan',
    description: 'Kartu dipakai setelah meninggal, satu orang di dua keluarga, peserta PBI yang masih memegang kartu.',
    icon: IconAlertTriangle,
    permission: 'signals.read',
    section: 'membership',
  },
  {
    to: paths.membershipReport,
    label: 'Laporan kepesertaan',
    description: 'Penduduk, peserta, kartu dan e-KTP per kecamatan dan kelurahan; unduh XLSX.',
    icon: IconChartBar,
    permission: 'report.membership',
    section: 'membership',
  },
  {
    to: paths.recommendations,
    label: dinsos.nav.label,
    description: dinsos.nav.description,
    icon: IconFileCertificate,
    permission: 'recommendation.read',
    section: 'membership',
  },
  {
    to: paths.cards,
    label: cards.nav.cards,
    description: cards.nav.cardsDescription,
    icon: IconId,
    permission: 'card.read',
    section: 'membership',
  },
  {
    to: paths.cardPrint,
    label: cards.nav.print,
    description: cards.nav.printDescription,
    icon: IconPrinter,
    permission: 'card.read',
    section: 'membership',
  },
  {
    to: paths.referrals,
    label: referrals.nav.label,
    description: referrals.nav.description,
    icon: IconArrowForwardUp,
    permission: 'referral.read',
    section: 'care',
  },
  {
    to: paths.icdLoad,
    label: referrals.icd.nav,
    description: referrals.icd.navDescription,
    icon: IconStethoscope,
    permission: 'icd.manage',
    section: 'admin',
  },
  {
    to: paths.sjpList,
    label: sjp.nav.label,
    description: sjp.nav.description,
    icon: IconSjp,
    permission: 'sjp.read',
    section: 'care',
  },
  {
    to: paths.facilities,
    label: fac.nav.facilities,
    description: fac.nav.facilitiesDescription,
    icon: IconBuildingHospital,
    permission: 'facility.read',
    section: 'care',
  },
  {
    to: paths.bedBoard,
    label: fac.nav.beds,
    description: fac.nav.bedsDescription,
    icon: IconBed,
    permission: 'bedboard.read',
    section: 'care',
  },
  // Office reads, hospitals file: no role has both, so one entry shows per user.
  {
    to: paths.monthlyReports,
    label: fac.nav.monthly,
    description: fac.nav.monthlyDescription,
    icon: IconReportMedical,
    permission: 'monthly-report.read',
    section: 'care',
  },
  {
    to: paths.monthlyReports,
    label: fac.nav.monthly,
    description: fac.nav.monthlyDescription,
    icon: IconReportMedical,
    permission: 'monthly-report.submit',
    section: 'care',
  },
  {
    to: paths.emergencyReports,
    label: fac.nav.emergency,
    description: fac.nav.emergencyDescription,
    icon: IconUrgent,
    permission: 'emergency.read',
    section: 'care',
  },
  {
    to: paths.emergencyReports,
    label: fac.nav.emergency,
    description: fac.nav.emergencyDescription,
    icon: IconUrgent,
    permission: 'emergency.report',
    section: 'care',
  },
  {
    to: paths.users,
    label: t.nav.users,
    description: 'Buat akun petugas, atur ulang kata sandi, lihat akun yang terkunci.',
    icon: IconUsers,
    permission: 'users.manage',
    section: 'admin',
  },
  {
    to: paths.tokens,
    label: t.nav.tokens,
    description: 'Token untuk sistem fasilitas yang memanggil API cek kepesertaan.',
    icon: IconKey,
    permission: 'tokens.manage',
    section: 'admin',
  },
  {
    to: paths.audit,
    label: t.nav.audit,
    description: 'Siapa melakukan apa terhadap data siapa, dan kapan.',
    icon: IconFileSearch,
    permission: 'audit.read',
    section: 'admin',
  },
  {
    to: paths.calendar,
    label: t.nav.calendar,
    description: 'Libur nasional, cuti bersama dan libur lokal untuk hitungan hari kerja.',
    icon: IconCalendarEvent,
    permission: 'calendar.manage',
    section: 'admin',
  },
  {
    to: paths.settings,
    label: t.nav.settings,
    description: 'Dasar kepesertaan dan segmen JKN yang dikecualikan, beserta riwayatnya.',
    icon: IconSettings,
    permission: 'settings.read',
    section: 'admin',
  },
  {
    to: paths.sjpSettings,
    label: 'Kebijakan keterlambatan SJP',
    description: 'Apakah pengajuan SJP yang melewati 3×24 jam kerja diterima atau ditolak, dan sejak kapan.',
    icon: IconClockExclamation,
    permission: 'settings.read',
    section: 'admin',
  },
  {
    to: paths.letterhead,
    label: 'Kop surat',
    description: 'Nama kota/kabupaten dan alamat kantor pada kop semua surat yang dicetak.',
    icon: IconLetterCase,
    permission: 'settings.read',
    section: 'admin',
  },
];

export function navFor(permissions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((i) => !i.permission || permissions.includes(i.permission));
}
