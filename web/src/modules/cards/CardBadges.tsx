import { Badge } from '@mantine/core';
import { s } from './strings';
import type { CardStatus, PrintState } from './types';

const STATUS_COLOR: Record<CardStatus, string> = { ACTIVE: 'dinkes', REPLACED: 'orange', REVOKED: 'red' };
const PRINT_COLOR: Record<PrintState, string> = { BELUM_CETAK: 'gray', SUDAH_CETAK: 'blue', SUDAH_DISERAHKAN: 'dinkes' };

export function CardStatusBadge({ status }: { status: CardStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="card-status" data-status={status}>
      {s.status[status]}
    </Badge>
  );
}

export function PrintStateBadge({ state }: { state: PrintState }) {
  return (
    <Badge color={PRINT_COLOR[state]} variant="outline" data-print-state={state}>
      {s.printState[state]}
    </Badge>
  );
}

export function MemberStateBadge({ included }: { included: boolean }) {
  return included ? (
    <Badge color="dinkes" variant="light">
      {s.onCard}
    </Badge>
  ) : (
    <Badge color="orange" variant="light">
      {s.pending}
    </Badge>
  );
}
