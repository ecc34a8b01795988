import { Stack, Text } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { s } from './strings';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (v === true) return s.yes;
  if (v === false) return s.no;
  if (typeof v === 'string' && DATE.test(v)) return formatDate(v);
  return String(v);
}

/**
 * What an item changes, field by field: "Tanggal meninggal: — → 16 November 2026".
 * A new person lists their values; an ended JKN period says so.
 */
export function ChangeLines({
  before,
  after,
}: {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}) {
  let lines: string[];
  if (after === null) lines = [s.ended];
  else {
    const keys = Object.keys(after).filter((k) => k in s.fields);
    lines =
      before === null
        ? keys.filter((k) => after[k] !== null && after[k] !== '').map((k) => `${s.fields[k]}: ${show(after[k])}`)
        : keys
            .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
            .map((k) => `${s.fields[k]}: ${show(before[k])} → ${show(after[k])}`);
  }
  return (
    <Stack gap={0}>
      {lines.map((l) => (
        <Text key={l} size="xs">
          {l}
        </Text>
      ))}
    </Stack>
  );
}
