import { Badge, Group } from '@mantine/core';
import { formatDate } from '../../shared/format';
import { s } from './strings';

/** Life events first (they decide eligibility), then e-KTP (it decides the card). */
export function PersonStatus({
  p,
  showEktpOk = false,
}: {
  p: { deathDate: string | null; movedOutDate: string | null; ektpRecorded: boolean };
  showEktpOk?: boolean;
}) {
  return (
    <Group gap={4} wrap="wrap">
      {p.deathDate && (
        <Badge color="gray" variant="filled" size="sm">
          {s.status.deceased(formatDate(p.deathDate))}
        </Badge>
      )}
      {p.movedOutDate && (
        <Badge color="grape" variant="light" size="sm">
          {s.status.movedOut(formatDate(p.movedOutDate))}
        </Badge>
      )}
      {!p.ektpRecorded && (
        <Badge color="orange" variant="light" size="sm">
          {s.status.noEktp}
        </Badge>
      )}
      {p.ektpRecorded && showEktpOk && (
        <Badge color="dinkes" variant="light" size="sm">
          {s.status.ektp}
        </Badge>
      )}
    </Group>
  );
}
