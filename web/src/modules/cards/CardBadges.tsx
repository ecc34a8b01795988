import { Badge } from '@mantine/core';
import { s } from './strings';
import type { CardStatus, Coverage, FlagCount, PrintState } from '@server/modules/cards/schemas';

const STATUS_COLOR: Record<CardStatus, string> = { ACTIVE: 'dinkes', REPLACED: 'orange', REVOKED: 'red' };
const PRINT_COLOR: Record<PrintState, string> = {
  BELUM_CETAK: 'gray',
  SUDAH_CETAK: 'blue',
  SUDAH_DISERAHKAN: 'dinkes',
};

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

/** A member as the card shows them: on the card, marked JKN-PBI (listed, not covered), or pending e-KTP. */
export function MemberStateBadge({ included, coverage }: { included: boolean; coverage?: Coverage | null }) {
  if (coverage === 'PBI_JKN') {
    return (
      <Badge color="blue" variant="light" data-member-state="PBI_JKN">
        {s.pbi}
      </Badge>
    );
  }
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

/** "Perlu cetak ulang" with the reasons, for a card whose members' coverage changed after issue. */
export function ReissueBadge({ flags }: { flags: readonly FlagCount[] | undefined }) {
  if (!flags?.length) return null;
  return (
    <Badge
      color="orange"
      variant="light"
      title={flags.map((f) => `${f.label} (${f.members})`).join(', ')}
      data-testid="reissue-flag"
    >
      {s.needsReissue}
    </Badge>
  );
}
