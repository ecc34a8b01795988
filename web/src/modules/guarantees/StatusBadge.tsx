import { Badge } from '@mantine/core';
import { s } from './strings';

export function SjpStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={s.statusColor[status] ?? 'gray'} variant="light" data-testid="sjp-status" data-status={status}>
      {s.status[status] ?? status}
    </Badge>
  );
}
