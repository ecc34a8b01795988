import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronRight, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Counter, Dashboard } from '@server/modules/dashboard/schemas';
import { formatDate, formatDateTimeShort, formatNumber } from '../shared/format';
import { paths } from './paths';
import { useSession } from './session';

interface CounterText {
  label: string;
  /** What the number means and what to do about it. */
  help: string;
  to: string;
  /** The words before the nearest deadline. */
  due?: string;
}

/** Words and links of each counter; `atFacility` for the hospital's and puskesmas's own view. */
function textOf(c: Counter, atFacility: string | null, decides: boolean): CounterText {
  switch (c.key) {
    case 'sjp.toDecide':
      return atFacility
        ? {
            label: 'SJP menunggu keputusan Dinkes',
            help: 'Sudah Anda ajukan; petugas SJP sedang memeriksa.',
            to: `${paths.sjpList}?status=SUBMITTED`,
          }
        : {
            label: 'SJP menunggu keputusan',
            help: decides
              ? 'Permintaan yang sudah diajukan rumah sakit dan perlu Anda putus.'
              : 'Permintaan yang sudah diajukan rumah sakit dan menunggu keputusan petugas SJP.',
            to: `${paths.sjpList}?status=SUBMITTED`,
            due: 'Tenggat terdekat',
          };
    case 'sjp.late':
      return {
        label: 'SJP lewat batas waktu',
        help: 'Berkas belum lengkap dan sudah melewati 3×24 jam kerja.',
        to: paths.sjpList,
      };
    case 'sjp.needsCompletion':
      return atFacility
        ? {
            label: 'SJP perlu dilengkapi',
            help: 'Petugas meminta kelengkapan berkas; lengkapi sebelum batas waktu.',
            to: `${paths.sjpList}?status=NEEDS_COMPLETION`,
            due: 'Tenggat terdekat',
          }
        : {
            label: 'SJP menunggu kelengkapan',
            help: decides
              ? 'Rumah sakit sedang melengkapi berkas yang Anda minta.'
              : 'Rumah sakit sedang melengkapi berkas yang diminta petugas SJP.',
            to: `${paths.sjpList}?status=NEEDS_COMPLETION`,
          };
    case 'sjp.drafts':
      return {
        label: 'Draf SJP belum diajukan',
        help: 'Ajukan sebelum batas waktu 3×24 jam kerja sejak pasien masuk.',
        to: `${paths.sjpList}?status=DRAFT`,
      };
    case 'reconciliation.pending':
      return {
        label: 'Daftar perubahan menunggu tinjauan',
        help: 'Hasil impor data penduduk atau JKN yang belum disetujui atau ditolak.',
        to: paths.reconciliation,
      };
    case 'referrals.flagged':
      return {
        label: 'Rujukan bertanda kompetensi FKTP',
        help: 'Diagnosis termasuk 144 kompetensi puskesmas dan belum ditinjau.',
        to: `${paths.referrals}?flagged=1`,
      };
    case 'referrals.incoming':
      return {
        label: 'Rujukan masuk perlu ditindaklanjuti',
        help: 'Menunggu konfirmasi tempat tidur, kedatangan atau rawat inap.',
        to: `${paths.referrals}?direction=IN`,
      };
    case 'referrals.outgoing':
      return {
        label: 'Rujukan keluar belum diterima',
        help: 'Rujukan Anda yang masih menunggu tempat tidur atau kedatangan.',
        to: `${paths.referrals}?direction=OUT`,
      };
    case 'agreements.expiring':
      return {
        label: 'PKS berakhir dalam 60 hari',
        help: 'Perjanjian kerja sama yang perlu diperpanjang agar layanan tetap dijamin.',
        to: atFacility ? paths.facility(atFacility) : paths.facilities,
        due: 'Paling cepat berakhir',
      };
    case 'signals.open':
      return {
        label: 'Sinyal penyalahgunaan',
        help: 'Kartu dipakai setelah meninggal, satu orang di dua keluarga, peserta PBI dengan kartu aktif.',
        to: paths.signals,
      };
    case 'letters.expiring':
      return {
        label: 'Rekomendasi Dinsos berakhir dalam 30 hari',
        help: 'Surat yang masa berlakunya segera habis.',
        to: `${paths.recommendations}?expiring=1`,
        due: 'Paling cepat berakhir',
      };
    case 'cards.toPrint':
      return { label: 'Kartu menunggu dicetak', help: 'Kartu aktif yang belum pernah dicetak.', to: paths.cardPrint };
    case 'cards.toHandOver':
      return {
        label: 'Kartu menunggu diserahkan',
        help: 'Sudah dicetak, belum diserahkan kepada keluarga.',
        to: `${paths.cardPrint}?status=SUDAH_CETAK`,
      };
    case 'users.locked':
      return {
        label: 'Akun terkunci',
        help: 'Terlalu banyak percobaan masuk yang gagal; atur ulang kata sandi bila pemiliknya meminta.',
        to: paths.users,
      };
    case 'users.notStarted':
      return {
        label: 'Akun belum pernah dipakai',
        help: 'Kata sandi sekali pakai belum diganti oleh pemilik akun.',
        to: paths.users,
      };
  }
}

/** "Sen, 8 Des 2026 14.00 (2 jam lagi)" for an instant, "8 Desember 2026" for a date. */
function dueText(due: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) return formatDate(due);
  const hours = Math.round((new Date(due).getTime() - Date.now()) / 3600_000);
  const rel =
    hours < 1 ? 'kurang dari 1 jam lagi' : hours < 48 ? `${hours} jam lagi` : `${Math.round(hours / 24)} hari lagi`;
  return `${formatDateTimeShort(due)} (${rel})`;
}

function CounterCard({ c, facility, decides }: { c: Counter; facility: string | null; decides: boolean }) {
  const x = textOf(c, facility, decides);
  const alert = c.tone === 'alert';
  return (
    <Card
      component={Link}
      to={x.to}
      withBorder
      padding="md"
      className="counter-card"
      data-alert={alert || undefined}
      style={{
        textDecoration: 'none',
        color: 'inherit',
        borderColor: alert ? 'var(--mantine-color-red-6)' : undefined,
        borderWidth: alert ? 2 : undefined,
      }}
      data-testid={`counter-${c.key}`}
      aria-label={`${x.label}: ${formatNumber(c.value)}`}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap={8} wrap="nowrap">
            <Text fz={32} fw={700} lh={1.1} c={alert ? 'red.8' : undefined} data-testid={`counter-value-${c.key}`}>
              {formatNumber(c.value)}
            </Text>
            {alert && <IconAlertTriangle size={20} color="var(--mantine-color-red-8)" aria-hidden />}
          </Group>
          <Text fw={650}>{x.label}</Text>
          <Text size="sm" c="gray.7">
            {x.help}
          </Text>
          {x.due && c.due && c.value > 0 && (
            <Text size="sm" fw={600} c={alert ? 'red.8' : 'gray.8'}>
              {x.due}: {dueText(c.due)}
            </Text>
          )}
        </Stack>
        <IconChevronRight size={18} aria-hidden color="var(--mantine-color-gray-6)" />
      </Group>
    </Card>
  );
}

/** The work waiting for this user, each counter a link to the filtered list. */
export function WorkCounters({ data }: { data: Dashboard }) {
  const { can } = useSession();
  if (data.counters.length === 0) return null;
  return (
    <section aria-labelledby="home-work">
      <Title order={2} id="home-work" mb="sm">
        Pekerjaan yang menunggu
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="work-counters">
        {data.counters.map((c) => (
          <CounterCard key={c.key} c={c} facility={data.facilityCode} decides={can('sjp.decide')} />
        ))}
      </SimpleGrid>
    </section>
  );
}

function share(part: number, whole: number): string {
  if (whole === 0) return '–';
  return `${(Math.round((part / whole) * 1000) / 10).toLocaleString('id-ID')} %`;
}

/** The region's membership figures today, for the leadership and the membership office. */
export function MembershipFigures({ data }: { data: Dashboard }) {
  const f = data.figures;
  if (!f) return null;
  const items = [
    {
      key: 'residents',
      label: 'Penduduk',
      value: formatNumber(f.residents),
      help: 'Penduduk terdaftar dan masih tinggal di wilayah',
    },
    {
      key: 'members',
      label: 'Peserta Jamkesda',
      value: formatNumber(f.members),
      help: `${share(f.members, f.residents)} dari penduduk`,
    },
    {
      key: 'jkn',
      label: 'Cakupan JKN aktif',
      value: share(f.jknActive, f.residents),
      help: `${formatNumber(f.jknActive)} penduduk; terdaftar ${share(f.jknRegistered, f.residents)} · target UHC 95 %`,
    },
    {
      key: 'ektp',
      label: 'Belum rekam e-KTP',
      value: formatNumber(f.pendingEktp),
      help: `${share(f.pendingEktp, f.residents)} dari penduduk`,
    },
    {
      key: 'cards',
      label: 'Kartu aktif',
      value: formatNumber(f.cardsActive),
      help: 'Kartu keluarga Jamkesda yang berlaku',
    },
  ];
  return (
    <section aria-labelledby="home-figures">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} id="home-figures">
          Kepesertaan hari ini
        </Title>
        <Text component={Link} to={paths.membershipReport} size="sm" fw={600} c="dinkes.8">
          Laporan per kecamatan dan kelurahan
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md" data-testid="membership-figures">
        {items.map((i) => (
          <Card key={i.key} withBorder padding="md" data-testid={`figure-${i.key}`}>
            <Group gap={8} wrap="nowrap" mb={4}>
              <ThemeIcon size={26} radius="md" variant="light" aria-hidden>
                <IconUsersGroup size={16} />
              </ThemeIcon>
              <Text size="sm" fw={600}>
                {i.label}
              </Text>
            </Group>
            <Text fz={28} fw={700} lh={1.1}>
              {i.value}
            </Text>
            <Text size="sm" c="gray.7">
              {i.help}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}
