import { Badge } from '@mantine/core';
import { s } from './strings';
import type { Referral } from '@server/modules/referrals/schemas';

const COLOR: Record<Referral['status'], string> = {
  AWAITING_BED: 'orange',
  SENT: 'blue',
  ARRIVED: 'cyan',
  ADMITTED: 'teal',
  RETURNED: 'gray',
  DECLINED: 'red',
};

export function StatusBadge({ status }: { status: Referral['status'] }) {
  return (
    <Badge color={COLOR[status]} variant="light" data-testid="referral-status" data-status={status}>
      {s.status[status]}
    </Badge>
  );
}
