import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { formatNik } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { TimelinePanel } from '../membership/TimelinePanel';
import { s } from './strings';

/**
 * A person's membership timeline opened from the audit log, for a reader who
 * may see the history but not the population record (the auditor). Reading it
 * is audited by the timeline API itself.
 */
export default function PersonTimelinePage() {
  const { nik = '' } = useParams();
  return (
    <Stack gap="md">
      <PageHeader title={s.timelineTitle(formatNik(nik))} description={s.timelineDescription} />
      <Anchor
        component={Link}
        to={`${paths.audit}?entityId=${encodeURIComponent(nik)}`}
        size="sm"
        fw={600}
        data-testid="timeline-audit-link"
      >
        {s.whoOpened}
      </Anchor>
      <TimelinePanel nik={nik} />
    </Stack>
  );
}
