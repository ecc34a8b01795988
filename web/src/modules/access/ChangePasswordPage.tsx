import { Alert, Anchor, Button, List, PasswordInput, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { PageLoader } from '../../shared/ui/PageLoader';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { api, messageOf } from '../../shared/api';
import { t } from '../../shared/i18n';
import { AuthFrame } from './AuthFrame';
import { s } from './strings';

/** The server's password policy, checked as the user types (the server checks again). */
function rules(password: string, username: string) {
  return [
    { label: s.password.ruleLength, ok: password.length >= 10 },
    { label: s.password.ruleMix, ok: /[a-zA-Z]/.test(password) && /[0-9]/.test(password) },
    { label: s.password.ruleUser, ok: !!password && !password.toLowerCase().includes(username.toLowerCase()) },
  ];
}

export default function ChangePasswordPage() {
  const { me, loading, refresh, logout } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (loading) return <PageLoader />;
  if (!me) return <Navigate to={paths.login} replace />;

  const forced = me.mustChangePassword;
  const checks = rules(next, me.username);
  const allOk = checks.every((c) => c.ok);
  const mismatch = confirm.length > 0 && confirm !== next;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!allOk) return setError(new Error(s.password.notMet));
    if (next !== confirm) return setError(new Error(s.password.mismatch));
    setBusy(true);
    try {
      await api('/api/v1/auth/password', { method: 'POST', body: { currentPassword: current, newPassword: next } });
      await refresh();
      notifications.show({ color: 'dinkes', title: s.password.done, message: '', icon: <IconCheck size={18} /> });
      navigate(paths.home, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={s.password.title} intro={forced ? s.password.forcedIntro : s.password.intro}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {!!error && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="password-error">
              {messageOf(error)}
            </Alert>
          )}
          <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
          <PasswordInput
            label={forced ? s.password.currentForced : s.password.current}
            name="current-password"
            autoComplete="current-password"
            required
            autoFocus
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <PasswordInput
            label={s.password.next}
            name="new-password"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            aria-describedby="password-rules"
          />
          <div id="password-rules">
            <Text size="xs" fw={600} c="dimmed" mb={4}>
              {s.password.rules}
            </Text>
            <List spacing={2} size="sm" center>
              {checks.map((c) => (
                <List.Item
                  key={c.label}
                  icon={
                    <ThemeIcon
                      size={18}
                      radius="xl"
                      color={c.ok ? 'dinkes' : 'gray'}
                      variant={c.ok ? 'filled' : 'light'}
                    >
                      {c.ok ? <IconCheck size={12} aria-hidden /> : <IconCircleDashed size={12} aria-hidden />}
                    </ThemeIcon>
                  }
                >
                  <Text span size="sm" c={c.ok ? undefined : 'dimmed'}>
                    {c.label}
                    <VisuallyHidden component="span">{c.ok ? ' — terpenuhi' : ' — belum terpenuhi'}</VisuallyHidden>
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
          <PasswordInput
            label={s.password.confirm}
            name="confirm-password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={mismatch ? s.password.mismatch : undefined}
          />
          <Button type="submit" size="md" fullWidth loading={busy} disabled={!current || !next || !confirm}>
            {s.password.submit}
          </Button>
          {forced ? (
            <Anchor component="button" type="button" size="sm" onClick={() => void logout()}>
              {s.password.backToLogin}
            </Anchor>
          ) : (
            <Anchor component={Link} to={paths.home} size="sm">
              {t.common.back}
            </Anchor>
          )}
        </Stack>
      </form>
    </AuthFrame>
  );
}
