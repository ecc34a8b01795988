import { Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { formatDate, formatNumber, todayJakarta } from '../../shared/format';
import { useApi } from '../../shared/useApi';
import { DateField } from '../../shared/ui/DateField';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { PageHeader } from '../../shared/ui/PageHeader';
import { FIGURES, FIGURE_SHORT_LABELS } from '@server/modules/reports/labels';
import type { MembershipReportData as Report } from '@server/modules/reports/schemas';

const LABELS = FIGURE_SHORT_LABELS;

const s = {
  title: 'Laporan kepesertaan per wilayah',
  description:
    'Penduduk, peserta, kartu terbit, tercetak dan diserahkan, penduduk yang belum rekam e-KTP, bayi baru lahir tercatat dan surat rekomendasi yang berlaku — per kecamatan dan kelurahan, pada tanggal yang dipilih.',
  date: 'Keadaan pada tanggal',
  download: 'Unduh XLSX',
  caption: (d: string) => `Kepesertaan per kecamatan dan kelurahan, ${d}`,
  area: 'Kecamatan / kelurahan',
  total: 'Jumlah',
};

/** Membership figures by district and village, on screen and as XLSX. */
export default function MembershipReportPage() {
  const [date, setDate] = useState<string | null>(todayJakarta());
  const { data, error, loading, reload } = useApi<Report>(date ? '/api/v1/reports/membership' : null, {
    date: date ?? undefined,
  });
  return (
    <Stack gap="md">
      <PageHeader
        title={s.title}
        description={s.description}
        actions={
          <Button
            component="a"
            href={`/api/v1/reports/membership.xlsx?date=${date ?? ''}`}
            leftSection={<IconDownload size={18} aria-hidden />}
            variant="default"
            data-testid="report-xlsx"
          >
            {s.download}
          </Button>
        }
      />
      <Group>
        <DateField label={s.date} value={date} onChange={setDate} maxDate={todayJakarta()} maw={240} />
      </Group>
      <ErrorAlert error={error} onRetry={reload} />
      {data && (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {FIGURES.map((k) => (
            <Paper key={k} withBorder p="md">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {LABELS[k]}
              </Text>
              <Text fz={26} fw={700} data-testid={`total-${k}`}>
                {formatNumber(data.totals[k])}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={980} type="native">
          <Table stickyHeader aria-busy={loading || undefined} data-testid="report-table">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 12 }}>
              {s.caption(formatDate(data?.date ?? date))}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{s.area}</Table.Th>
                {FIGURES.map((k) => (
                  <Table.Th key={k} scope="col" className="num">
                    {LABELS[k]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.districts.map((d) => (
                <Fragment key={d.code}>
                  <Table.Tr bg="var(--mantine-color-gray-0)">
                    <Table.Th scope="row">Kec. {d.name ?? d.code}</Table.Th>
                    {FIGURES.map((k) => (
                      <Table.Td key={k} className="num" fw={700}>
                        {formatNumber(d.totals[k])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  {d.villages.map((v) => (
                    <Table.Tr key={v.code}>
                      <Table.Th scope="row" fw={400} pl="xl">
                        {v.name ?? v.code}
                      </Table.Th>
                      {FIGURES.map((k) => (
                        <Table.Td key={k} className="num">
                          {formatNumber(v.figures[k])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
