import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { AuthFrame } from '../access/AuthFrame';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
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
    <AuthFrame title={v.title} intro={v.intro}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <TextInput
            label={v.code}
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="characters"
            classNames={{ input: 'mono' }}
            required
            data-testid="verify-code"
          />
          <Button type="submit" size="md" fullWidth loading={busy} disabled={!input.trim()}>
            {v.submit}
          </Button>
        </Stack>
      </form>
      <Stack mt="lg" gap="sm" aria-live="polite">
        <ErrorAlert error={error} />
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
        <Group justify="center">
          <Anchor component={Link} to={paths.login} size="sm">
            {v.login}
          </Anchor>
        </Group>
      </Stack>
    </AuthFrame>
  );
}
