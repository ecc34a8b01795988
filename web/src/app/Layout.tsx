import {
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Collapse,
  Group,
  NavLink,
  Overlay,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { NotificationBell } from './NotificationBell';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBuildingHospital, IconChevronDown, IconLogout, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { roleName, t } from '../shared/i18n';
import { ErrorBoundary } from '../shared/ui/ErrorBoundary';
import { navFor, type NavItem } from './nav';
import { activeItem, uniqueByPath } from './navActive';
import { useSession } from './session';

const SECTION_LABEL: Record<NavItem['section'], string | null> = {
  main: null,
  care: t.nav.sectionCare,
  membership: t.nav.sectionMembership,
  admin: t.nav.sectionAdmin,
};
const SECTIONS = ['main', 'care', 'membership', 'admin'] as const;
function Brand() {
  const compact = useMediaQuery('(max-width: 40em)');
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      // The visible name is the accessible name (WCAG 2.5.3): no aria-label that differs from it.
      renderRoot={(props) => <Link to="/" {...props} />}
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <ThemeIcon size={36} radius="md" aria-hidden>
        <IconPlus size={22} stroke={3} />
      </ThemeIcon>
      <Box>
        <Text fw={700} size="md" lh={1.2}>
          {compact ? t.app.name : t.app.fullName}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {t.app.office}
        </Text>
      </Box>
    </Group>
  );
}

function UserBox() {
  const { me, logout } = useSession();
  const [busy, setBusy] = useState(false);
  const narrow = useMediaQuery('(max-width: 48em)');
  if (!me) return null;
  const doLogout = async () => {
    setBusy(true);
    await logout();
  };
  return (
    <Group gap="md" wrap="nowrap">
      {!narrow && (
        <Stack gap={0} align="flex-end" data-testid="current-user">
          <Text size="sm" fw={600} lh={1.3}>
            {me.username}
          </Text>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="dimmed" lh={1.3}>
              {roleName(me.role)}
            </Text>
            {me.facilityCode && (
              <Badge size="xs" variant="light" leftSection={<IconBuildingHospital size={10} aria-hidden />}>
                {me.facilityCode}
              </Badge>
            )}
          </Group>
        </Stack>
      )}
      <NotificationBell />
      <Tooltip label={`${me.username} · ${roleName(me.role)}`} disabled={!narrow}>
        <Button
          variant="default"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={doLogout}
          loading={busy}
          data-testid="logout"
        >
          {t.app.logout}
        </Button>
      </Tooltip>
    </Group>
  );
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { me } = useSession();
  const { pathname } = useLocation();
  const items = uniqueByPath(navFor(me?.permissions ?? []));
  const active = activeItem(items, pathname);
  const sections = SECTIONS.map((s) => ({ section: s, items: items.filter((i) => i.section === s) })).filter(
    (s) => s.items.length > 0,
  );
  // A short menu shows everything; a long one (the membership officer's) opens only
  // the group of the current page, so it fits a 768-pixel-high laptop screen
  // (twelve entries and three group headings fit in the 704 pixels below the header).
  const few = items.length <= 12;
  const [open, setOpen] = useState<Set<string>>(() => new Set(few ? SECTIONS : active ? [active.section] : []));
  useEffect(() => {
    if (active) setOpen((o) => (o.has(active.section) ? o : new Set(o).add(active.section)));
  }, [active]);
  const toggle = (section: string) =>
    setOpen((o) => {
      const n = new Set(o);
      if (n.has(section)) n.delete(section);
      else n.add(section);
      return n;
    });
  return (
    <Stack gap={6}>
      {sections.map(({ section, items: list }) => {
        const label = SECTION_LABEL[section];
        const listId = `nav-${section}`;
        const expanded = !label || open.has(section);
        const links = (
          <Stack gap={2} id={listId}>
            {list.map((item) => {
              const isCurrent = item === active;
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                  active={isCurrent}
                  aria-current={isCurrent ? 'page' : undefined}
                  onClick={onNavigate}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  fw={isCurrent ? 600 : 500}
                  data-testid="nav-item"
                />
              );
            })}
          </Stack>
        );
        if (!label) return <Box key={section}>{links}</Box>;
        return (
          <Box key={section}>
            <UnstyledButton
              onClick={() => toggle(section)}
              aria-expanded={expanded}
              aria-controls={listId}
              className="nav-section-toggle"
              data-testid={`nav-group-${section}`}
              w="100%"
              px="sm"
              py={6}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="xs" fw={700} c="dimmed" className="nav-section-label" component="span">
                  {label}
                </Text>
                <Group gap={6} wrap="nowrap">
                  {!expanded && (
                    <Text size="xs" c="dimmed" component="span" aria-hidden>
                      {list.length}
                    </Text>
                  )}
                  <IconChevronDown
                    size={14}
                    aria-hidden
                    style={{ transform: expanded ? 'rotate(180deg)' : undefined, transition: 'transform 120ms ease' }}
                  />
                </Group>
              </Group>
            </UnstyledButton>
            <Collapse expanded={expanded}>{links}</Collapse>
          </Box>
        );
      })}
    </Stack>
  );
}

export default function Layout({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  // Below the breakpoint a closed navbar only slides off-screen; hide it from
  // keyboard and screen readers too, and let Escape close it.
  const collapsible = useMediaQuery('(max-width: 61.99em)') ?? false;
  const hidden = collapsible && !opened;
  useEffect(() => {
    if (!opened) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened, close]);
  const first = useRef(true);

  // After client-side navigation, move focus to the new page's heading so
  // keyboard and screen-reader users start at the top of the new content.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = window.setTimeout(() => {
      const h = document.querySelector<HTMLElement>('#konten [data-page-title]');
      h?.focus({ preventScroll: false });
    }, 60);
    return () => window.clearTimeout(id);
  }, [pathname]);

  return (
    <>
      <Notifications position="bottom-right" limit={3} />
      <a href="#konten" className="skip-link">
        {t.app.skipToContent}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 268, breakpoint: 'md', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', md: 'xl' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={opened ? t.app.closeNav : t.app.openNav}
                aria-expanded={opened}
                aria-controls="navigasi-utama"
              />
              <Brand />
            </Group>
            <UserBox />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar
          p="sm"
          id="navigasi-utama"
          aria-label={t.app.mainNav}
          component="nav"
          style={collapsible ? { width: 'min(300px, 86vw)', visibility: hidden ? 'hidden' : undefined } : undefined}
        >
          <AppShell.Section grow component={ScrollArea}>
            <Navigation onNavigate={close} />
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" px="sm" pt="sm">
              {t.app.footer}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>
        {collapsible && opened && <Overlay fixed zIndex={99} backgroundOpacity={0.25} onClick={close} aria-hidden />}
        <AppShell.Main id="konten" tabIndex={-1} bg="var(--mantine-color-gray-0)" style={{ outline: 'none' }}>
          <Box maw={1200} mx="auto">
            <ErrorBoundary key={pathname}>{children}</ErrorBoundary>
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
