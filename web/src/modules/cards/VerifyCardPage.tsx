import { Alert, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconHelpCircle, IconRefreshAlert } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PublicCheckFrame, VerificationCodeInput } from '../access/PublicCheckFrame';
import { s } from './strings';
import type { Verification } from '@server/modules/cards/schemas';

const v = s.verify;

const LOOK = {
  ACTIVE: { color: 'dinkes', icon: IconCircleCheck, title: v.valid, body: v.validBody },
  REPLACED: { color: 'orange', icon: IconRefreshAlert, title: v.REPLACED, body: v.REPLACEDBody },
  REVOKED: { color: 'red', icon: IconCircleX, title: v.REVOKED, body: v.REVOKEDBody },
  UNKNOWN: { color: 'gray', icon: IconHelpCircle, title: v.UNKNOWN, body: v.UNKNOWNBody },
} as const;

/**
 * The page a card's QR code opens (public, built for a phone): valid or not,
 * status, the head of family's initials and the issue date — nothing more.
 */
export default function VerifyCardPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  // Kept with the code it answers, so a new code never shows the previous answer even for a moment.
  const [result, setResult] = useState<{ code: string; answer: Verification } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setTyped(code);
    setError(null);
    if (!code) return;
    const ctrl = new AbortController();
    setBusy(true);
    api<Verification>(`/api/v1/public/cards/${encodeURIComponent(code)}`, { signal: ctrl.signal, quietAuth: true })
      .then((r) => {
        if (!ctrl.signal.aborted) setResult({ code, answer: r });
      })
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setBusy(false);
      });
    return () => ctrl.abort();
  }, [code]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
    if (clean) navigate(paths.verifyCard(clean));
  };

  const answer = result && result.code === code ? result.answer : null;
  const look = answer ? LOOK[answer.status] : null;
  return (
    <PublicCheckFrame
      title={v.title}
      intro={v.intro}
      fields={<VerificationCodeInput label={v.code} value={typed} onChange={setTyped} />}
      submitLabel={v.submit}
      canSubmit={typed.replace(/[^0-9A-Za-z]/g, '').length >= 8}
      busy={busy}
      onSubmit={submit}
      error={error}
      loginLabel={v.login}
    >
      {answer && look && (
        <Alert
          color={look.color}
          variant="light"
          title={look.title}
          icon={<look.icon aria-hidden />}
          data-testid="verify-answer"
          data-status={answer.status}
        >
          <Stack gap="sm">
            <Text size="sm">{look.body}</Text>
            {answer.status !== 'UNKNOWN' && (
              <FieldGrid min={140}>
                <Field label={v.initials}>
                  <Text component="span" fw={700} size="lg" data-testid="verify-initials">
                    {answer.initials}
                  </Text>
                </Field>
                <Field label={v.issuedOn}>{formatDate(answer.issuedOn)}</Field>
              </FieldGrid>
            )}
            {answer.valid && (
              <Text size="xs" c="dimmed">
                {v.eligibilityNote}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
    </PublicCheckFrame>
  );
}
