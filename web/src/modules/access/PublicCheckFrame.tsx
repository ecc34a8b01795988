import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router-dom';
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
export function VerificationCodeInput({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
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
