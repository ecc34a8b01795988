import { Alert, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { paths } from '../../app/paths';
import { CodeCheckPage } from '../access/PublicCheckFrame';
import { formatDate } from '../../shared/format';
import { s } from './strings';
import type { PublicVerification } from './types';

const v = s.verify;

/** The public page behind a letter's QR code, built for a phone: valid or not, initials and validity only. */
export default function VerifyRecommendationPage() {
  return (
    <CodeCheckPage<PublicVerification>
      apiBase="/api/v1/public/recommendations"
      pageFor={paths.verifyRecommendation}
      text={v}
      render={(answer) => (
        <Alert
          color={answer.valid ? 'dinkes' : 'red'}
          variant="light"
          icon={answer.valid ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
          title={answer.valid ? v.valid : (v.invalid[answer.status] ?? answer.status)}
          data-testid="verify-answer"
          data-valid={answer.valid}
        >
          <Stack gap={4}>
            <Text size="sm">
              {v.holder}: <strong>{answer.initials}</strong>
            </Text>
            <Text size="sm">
              {v.validity}: {formatDate(answer.validFrom)} s.d. {formatDate(answer.validTo)}
            </Text>
            <Text size="xs" c="dimmed">
              {v.note}
            </Text>
          </Stack>
        </Alert>
      )}
    />
  );
}
