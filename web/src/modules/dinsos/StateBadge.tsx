import { Badge } from '@mantine/core';
import { s } from './strings';
import type { LetterState } from '@server/modules/dinsos/schemas';

const COLOR: Record<LetterState, string> = { ACTIVE: 'dinkes', NOT_YET_VALID: 'blue', EXPIRED: 'gray', REVOKED: 'red' };

/** A letter's state today: Berlaku, Belum berlaku, Berakhir, Dicabut. */
export function StateBadge({ state }: { state: LetterState }) {
  return (
    <Badge
      color={COLOR[state]}
      variant="light"
      data-testid="letter-state"
      data-state={state}
      style={{ textTransform: 'none' }}
    >
      {s.state[state]}
    </Badge>
  );
}
