import { Center, Loader, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../i18n';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** An identifier (NIK, card, letter or SJP number): monospace, never wrapped. */
  ident?: boolean;
  width?: number | string;
}

/**
 * A plain accessible table: a caption for screen readers, column headers with
 * scope, horizontal scrolling on narrow screens, and a friendly empty state.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  loading,
  empty = t.common.noData,
  minWidth = 640,
  onRowClick,
  testId,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[] | null | undefined;
  rowKey: (row: T) => string | number;
  loading?: boolean;
  empty?: ReactNode;
  minWidth?: number;
  onRowClick?: (row: T) => void;
  testId?: string;
}) {
  const list = rows ?? [];
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table striped stickyHeader data-testid={testId} aria-busy={loading || undefined}>
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} style={{ width: c.width }}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((row) => (
              <Table.Tr
                key={rowKey(row)}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                style={onRowClick ? { cursor: 'pointer' } : undefined}
              >
                {columns.map((c) => (
                  <Table.Td key={c.key} className={c.numeric ? 'num' : c.ident ? 'ident' : undefined}>
                    {c.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loading && list.length === 0 && (
        <Center p="lg">
          <Loader size="sm" aria-label={t.app.loading} />
        </Center>
      )}
      {!loading && list.length === 0 && (
        <Text c="dimmed" ta="center" p="lg" size="sm">
          {empty}
        </Text>
      )}
    </Paper>
  );
}
