import { Alert, Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { paths } from '../../app/paths';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { AuthFrame } from './AuthFrame';

/**
 * The frame of the public pages a citizen or a desk reaches without logging in
 * (self-check, card and letter verification): a short form, the answer read
 * out to screen readers as it arrives, and the way to the login page.
 */
export function PublicCheckFrame(props: {
  title: string;
  intro: string;
  fields: ReactNode;
  submitLabel: string;
  canSubmit: boolean;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  error: unknown;
  loginLabel: string;
  children: ReactNode;
}) {
  return (
    <AuthFrame title={props.title} intro={props.intro}>
      <form onSubmit={props.onSubmit}>
        <Stack gap="md">
          {props.fields}
          <Button type="submit" size="md" fullWidth loading={props.busy} disabled={!props.canSubmit}>
            {props.submitLabel}
          </Button>
        </Stack>
      </form>
      <Stack mt="lg" gap="sm" aria-live="polite">
        <ErrorAlert error={props.error} />
        {props.children}
        <Group justify="center">
          <Anchor component={Link} to={paths.login} size="sm">
            {props.loginLabel}
          </Anchor>
        </Group>
      </Stack>
    </AuthFrame>
  );
}

/** The verification code printed under a QR code, typed by hand when the camera is not used. */
export function VerificationCodeInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={40}
      classNames={{ input: 'mono' }}
      required
      data-testid="verify-code"
    />
  );
}

/**
 * The state of a public page that looks a code up: the code comes from the
 * address (a scanned QR), the form navigates to the typed code's address, and
 * the answer is fetched whenever the address changes.
 */
export function useCodeLookup<T>(apiBase: string, pageFor: (code: string) => string) {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code);
  const [answer, setAnswer] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setInput(code);
    setAnswer(null);
    setError(null);
    if (!code) return;
    const ctrl = new AbortController();
    setBusy(true);
    api<T>(`${apiBase}/${encodeURIComponent(code)}`, { signal: ctrl.signal, quietAuth: true })
      .then((a) => !ctrl.signal.aborted && setAnswer(a))
      .catch((err: unknown) => !ctrl.signal.aborted && setError(err))
      .finally(() => !ctrl.signal.aborted && setBusy(false));
    return () => ctrl.abort();
  }, [code, apiBase]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
    if (clean) navigate(pageFor(clean));
  };

  return { code, input, setInput, answer, error, busy, submit };
}

/**
 * A public page that looks up a printed code (letter verification, SJP
 * tracking): the frame, the code field, and the answer as `render` shows it.
 */
export function CodeCheckPage<T>(props: {
  apiBase: string;
  pageFor: (code: string) => string;
  text: { title: string; intro: string; code: string; submit: string; login: string };
  render: (answer: T) => ReactNode;
}) {
  const { input, setInput, answer, error, busy, submit } = useCodeLookup<T>(props.apiBase, props.pageFor);
  const t = props.text;
  return (
    <PublicCheckFrame
      title={t.title}
      intro={t.intro}
      fields={<VerificationCodeInput label={t.code} value={input} onChange={setInput} />}
      submitLabel={t.submit}
      canSubmit={input.trim() !== ''}
      busy={busy}
      onSubmit={submit}
      error={error}
      loginLabel={t.login}
    >
      {answer && props.render(answer)}
    </PublicCheckFrame>
  );
}

/** The answer of a public code check: green with a tick when the document is valid, red with a cross when not; the facts below it. */
export function VerdictAlert({ valid, title, children }: { valid: boolean; title: string; children: ReactNode }) {
  return (
    <Alert
      color={valid ? 'dinkes' : 'red'}
      variant="light"
      icon={valid ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
      title={title}
      data-testid="verify-answer"
      data-valid={valid}
    >
      <Stack gap={4}>{children}</Stack>
    </Alert>
  );
}
