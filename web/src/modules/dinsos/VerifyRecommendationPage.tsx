import { Text } from '@mantine/core';
import { paths } from '../../app/paths';
import { CodeCheckPage, VerdictAlert } from '../access/PublicCheckFrame';
import { formatDate } from '../../shared/format';
import { s } from './strings';
import type { PublicVerification } from '@server/modules/dinsos/schemas';

const v = s.verify;

/** The public page behind a letter's QR code, built for a phone: valid or not, initials and validity only. */
export default function VerifyRecommendationPage() {
  return (
    <CodeCheckPage<PublicVerification>
      apiBase="/api/v1/public/recommendations"
      pageFor={paths.verifyRecommendation}
      text={v}
      render={(answer) => (
        <VerdictAlert valid={answer.valid} title={answer.valid ? v.valid : (v.invalid[answer.status] ?? answer.status)}>
          <Text size="sm">
            {v.holder}: <strong>{answer.initials}</strong>
          </Text>
          <Text size="sm">
            {v.validity}: {formatDate(answer.validFrom)} s.d. {formatDate(answer.validTo)}
          </Text>
          <Text size="xs" c="dimmed">
            {v.note}
          </Text>
        </VerdictAlert>
      )}
    />
  );
}
