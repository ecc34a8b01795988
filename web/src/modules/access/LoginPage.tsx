import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4 } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { messageOf } from '../../shared/api';
import { t } from '../../shared/i18n';
import { AuthFrame } from './AuthFrame';
import { s } from './strings';

/** Only same-site paths are followed after login, never an absolute URL. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home;
}

export default function LoginPage() {
  const { me, loading, login, expired } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!loading && me) {
    return <Navigate to={me.mustChangePassword ? paths.changePassword : safeNext(params.get('next'))} replace />;
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return;
    setBusy(true);
    setError(null);
    try {
      const m = await login(username.trim(), password);
      navigate(m.mustChangePassword ? paths.changePassword : safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={s.login.title} intro={s.login.intro}>
      <form onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
        <Stack gap="md">
          {expired && !error && (
            <Alert
              color="yellow"
              icon={<IconClockHour4 aria-hidden />}
              title={s.login.expiredTitle}
              role="status"
              data-testid="session-expired"
            >
              {t.errors.sessionExpired}
            </Alert>
          )}
          {!!error && (
            <Alert
              color="red"
              icon={<IconAlertTriangle aria-hidden />}
              title={s.login.failedTitle}
              role="alert"
              id="login-error"
              data-testid="login-error"
            >
              {messageOf(error)}
            </Alert>
          )}
          <TextInput
            label={s.login.username}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            size="md"
          />
          <PasswordInput
            label={s.login.passwordLabel}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            size="md"
          />
          <Button type="submit" size="md" fullWidth loading={busy} disabled={!username.trim() || !password}>
            {s.login.submit}
          </Button>
          <Text size="xs" c="dimmed">
            {s.login.help}
          </Text>
          <Anchor component={Link} to={paths.selfCheck} size="sm" ta="center">
            Warga? Cek status kepesertaan Anda tanpa masuk
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
