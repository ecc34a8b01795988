import { Alert, Stack, Text } from '@mantine/core';
import { paths } from '../../app/paths';
import { CodeCheckPage } from '../access/PublicCheckFrame';
import { formatDate, formatDateTime } from '../../shared/format';
import { s } from './strings';
import type { SjpTracking } from '@server/modules/guarantees/schemas';

const v = s.track;

/** The family's tracking page and the letter's QR target: status and dates only, no personal data. */
export default function TrackSjpPage() {
  return (
    <CodeCheckPage<SjpTracking>
      apiBase="/api/v1/public/sjp"
      pageFor={paths.trackSjp}
      text={v}
      render={(answer) => (
        <Alert
          color={s.statusColor[answer.status] ?? 'gray'}
          variant="light"
          title={s.status[answer.status] ?? answer.status}
          data-testid="sjp-track-answer"
          data-status={answer.status}
        >
          <Stack gap={4}>
            <Text size="sm">
              {s.care[answer.careType]} · {v.facility}: <strong>{answer.facilityName}</strong>
            </Text>
            <Text size="sm">
              {v.admitted}: {formatDate(answer.admissionDate)}
            </Text>
            {answer.submittedAt && (
              <Text size="sm">
                {v.submitted}: {formatDateTime(answer.submittedAt)}
              </Text>
            )}
            {answer.decidedAt && (
              <Text size="sm">
                {v.decided}: {formatDateTime(answer.decidedAt)}
              </Text>
            )}
            {answer.number && (
              <Text size="sm">
                {v.number}: <span className="mono">{answer.number}</span>
              </Text>
            )}
            {answer.validFrom && (
              <Text size="sm">
                {v.validity}: {formatDate(answer.validFrom)} s.d. {formatDate(answer.validTo)}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
    />
  );
}
