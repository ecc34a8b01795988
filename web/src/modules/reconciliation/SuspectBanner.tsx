import { Alert, List, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatNumber } from '../../shared/format';
import { s } from './strings';
import type { GuardFigures } from '@server/modules/reconciliation/schemas';

const pct = (n: number) => `${n.toLocaleString('id-ID', { maximumFractionDigits: 1 })} %`;

/**
 * The alarm of a change set flagged when it was made (issue 10): a file that
 * would end an unusual share of the register, or far fewer rows than the
 * last one. Shown before anything else on the page, with the figures.
 */
export function SuspectBanner({ guard, undecidedEnding }: { guard: GuardFigures; undecidedEnding: number }) {
  const t = s.suspect;
  const rows: [string, string, string][] = [
    [t.before[guard.kind]!, formatNumber(guard.before), 'guard-before'],
    [t.rows, formatNumber(guard.rows), 'guard-rows'],
    ...(guard.previousRows !== null
      ? [[t.previousRows, formatNumber(guard.previousRows), 'guard-previous-rows'] as [string, string, string]]
      : []),
    [t.ending[guard.kind]!, formatNumber(guard.ending), 'guard-ending'],
    [t.share, pct(guard.endingPercent), 'guard-share'],
    [t.threshold, pct(guard.suspectPercent), 'guard-threshold'],
  ];
  return (
    <Alert
      color="red"
      variant="light"
      title={t.title}
      icon={<IconAlertTriangle aria-hidden />}
      data-testid="suspect-banner"
      role="alert"
    >
      <List size="sm" spacing={2} mb="xs">
        {guard.reasons.map((r) => (
          <List.Item key={r}>{r}</List.Item>
        ))}
      </List>
      <Table
        withRowBorders={false}
        verticalSpacing={2}
        horizontalSpacing="sm"
        maw={560}
        mb="xs"
        fz="sm"
        aria-label={t.caption}
      >
        <Table.Tbody>
          {rows.map(([label, value, id]) => (
            <Table.Tr key={id}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              <Table.Td ta="right" fw={700} data-testid={id}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">{t.intro}</Text>
      {undecidedEnding > 0 && (
        <Text size="sm" fw={600} mt={4}>
          {t.typedNote(formatNumber(undecidedEnding), t.noun[guard.kind]!)}
        </Text>
      )}
    </Alert>
  );
}
