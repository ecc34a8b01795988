import { Group, SegmentedControl } from '@mantine/core';
import { SearchInput } from './SearchInput';

/** The row above a list: the search box and the status segments, "all" first (the empty value). */
export function SearchStatusBar({
  searchLabel,
  q,
  onQ,
  statusLabel,
  allLabel,
  status,
  onStatus,
  statuses,
}: {
  searchLabel: string;
  q: string;
  onQ: (q: string) => void;
  statusLabel: string;
  allLabel: string;
  status: string;
  onStatus: (status: string) => void;
  statuses: { value: string; label: string }[];
}) {
  return (
    <Group align="end" wrap="wrap">
      <SearchInput label={searchLabel} value={q} onChange={onQ} minWidth={260} />
      <SegmentedControl
        aria-label={statusLabel}
        value={status}
        onChange={onStatus}
        data={[{ value: '', label: allLabel }, ...statuses]}
      />
    </Group>
  );
}
