import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import { paths } from '../../app/paths';
import { t } from '../i18n';

const f = t.publicFooter;

/** The one footer of every page seen without logging in: who runs the program, and the other public services. */
export function PublicFooter() {
  const { pathname } = useLocation();
  const all = [
    { to: paths.selfCheck, label: f.selfCheck },
    { to: paths.verifyCard(), label: f.verifyCard },
    { to: paths.verifyReferral(), label: f.verifyReferral },
    { to: paths.verifyRecommendation(), label: f.verifyLetter },
    { to: paths.trackSjp(), label: f.trackSjp },
    { to: paths.login, label: f.login },
  ];
  // No link to the page the reader is on.
  const links = all.filter((l) => pathname !== l.to && !pathname.startsWith(`${l.to}/`));
  return (
    <Stack component="footer" gap={6} align="center" ta="center" data-testid="public-footer">
      <Group component="nav" aria-label={f.links} gap="xs" justify="center">
        {links.map((l) => (
          <Anchor key={l.to} component={Link} to={l.to} size="sm" underline="always">
            {l.label}
          </Anchor>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {f.program} {f.office}
      </Text>
      <Text size="xs" c="dimmed">
        {t.app.footer}
      </Text>
    </Stack>
  );
}
