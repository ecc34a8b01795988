import { Text } from '@mantine/core';
import { paths } from '../../app/paths';
import { CodeCheckPage, VerdictAlert } from '../access/PublicCheckFrame';
import { formatDate } from '../../shared/format';
import type { Verification } from '@server/modules/referrals/schemas';
import { s } from './strings';

const v = s.verify;

type Answer = Verification;

/** The public page behind a referral letter's QR code: valid or not, number, initials and date only. */
export default function VerifyReferralPage() {
  return (
    <CodeCheckPage<Answer>
      apiBase="/api/v1/public/referrals"
      pageFor={paths.verifyReferral}
      text={v}
      render={(answer) => (
        <VerdictAlert valid={answer.valid} title={answer.valid ? v.valid : v.invalid}>
          <Text size="sm">
            {v.number}: <strong>{answer.number}</strong>
          </Text>
          <Text size="sm">
            {v.holder}: <strong>{answer.initials}</strong>
          </Text>
          <Text size="sm">
            {v.issued}: {formatDate(answer.issuedOn)} · {v.status}: {s.status[answer.status] ?? answer.status}
          </Text>
          <Text size="xs" c="dimmed">
            {v.note}
          </Text>
        </VerdictAlert>
      )}
    />
  );
}
