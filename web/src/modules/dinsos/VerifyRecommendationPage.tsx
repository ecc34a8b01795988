import { Alert, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { PublicCheckFrame, VerificationCodeInput } from '../access/PublicCheckFrame';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { s } from './strings';
import type { PublicVerification } from './types';

const v = s.verify;

/** The public page behind a letter's QR code, built for a phone: valid or not, initials and validity only. */
export default function VerifyRecommendationPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code);
  const [answer, setAnswer] = useState<PublicVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setInput(code);
    setAnswer(null);
    setError(null);
    if (!code) return;
    const ctrl = new AbortController();
    setBusy(true);
    api<PublicVerification>(`/api/v1/public/recommendations/${encodeURIComponent(code)}`, { signal: ctrl.signal, quietAuth: true })
      .then((a) => !ctrl.signal.aborted && setAnswer(a))
      .catch((err: unknown) => !ctrl.signal.aborted && setError(err))
      .finally(() => !ctrl.signal.aborted && setBusy(false));
    return () => ctrl.abort();
  }, [code]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
    if (clean) navigate(paths.verifyRecommendation(clean));
  };

  return (
    <PublicCheckFrame
      title={v.title}
      intro={v.intro}
      fields={<VerificationCodeInput label={v.code} value={input} onChange={setInput} />}
      submitLabel={v.submit}
      canSubmit={input.trim() !== ''}
      busy={busy}
      onSubmit={submit}
      error={error}
      loginLabel={v.login}
    >
        {answer && (
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
    </PublicCheckFrame>
  );
}
