import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { roleName, t } from '../shared/i18n';
import { formatDate, todayJakarta } from '../shared/format';
import { PageHeader } from '../shared/ui/PageHeader';
import { navFor } from './nav';
import { useSession } from './session';
import type { Dashboard } from '@server/modules/dashboard/schemas';
import { useApi } from '../shared/useApi';
import { ErrorAlert } from '../shared/ui/ErrorAlert';
import { MembershipFigures, WorkCounters } from './HomeCounters';

function greeting(now = new Date()): string {
  // Greetings follow the hour in Jakarta (UTC+7).
  const h = (now.getUTCHours() + 7) % 24;
  if (h < 11) return 'Selamat pagi';
  if (h < 15) return 'Selamat siang';
  if (h < 18) return 'Selamat sore';
  return 'Selamat malam';
}

export default function HomePage() {
  const { me } = useSession();
  const { data, error, reload } = useApi<Dashboard>(me ? '/api/v1/dashboard' : null);
  if (!me) return null;
  const tiles = navFor(me.permissions).filter((i) => i.to !== '/');
  const role = t.roles[me.role];
  // Counters replace the link tiles; a role with no counters (the administrator) keeps the tiles.
  const showTiles = !!data && data.counters.length === 0 && !data.figures;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${greeting()}, ${me.username}`}
        description={`${formatDate(todayJakarta())} · ${roleName(me.role)}${me.facilityCode ? ` · ${t.app.facility} ${me.facilityCode}` : ''}`}
      />
      {role && (
        <Text size="sm" c="gray.7">
          <b>
            {t.app.role}: {role.name}.
          </b>{' '}
          {role.does}
        </Text>
      )}
      <ErrorAlert error={error} onRetry={reload} />
      {/* Whoever has work to act on sees it first; the leadership, who reads, sees the figures first. */}
      {data &&
        (data.counters.some((c) => c.tone === 'alert') ? (
          <WorkCounters data={data} />
        ) : (
          <MembershipFigures data={data} />
        ))}
      {data &&
        (data.counters.some((c) => c.tone === 'alert') ? (
          <MembershipFigures data={data} />
        ) : (
          <WorkCounters data={data} />
        ))}
      {showTiles && (
        <section aria-labelledby="home-tasks">
          <Title order={2} id="home-tasks" mb="sm">
            Yang dapat Anda lakukan
          </Title>
          {tiles.length === 0 ? (
            <Text c="dimmed">
              Belum ada halaman yang tersedia untuk peran Anda pada versi ini. Fitur untuk peran Anda sedang disiapkan.
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {tiles.map((item) => (
                <Card
                  key={item.to}
                  component={Link}
                  to={item.to}
                  withBorder
                  padding="lg"
                  style={{ textDecoration: 'none', color: 'inherit' }}
                  data-testid={`tile-${item.to.replace(/\//g, '')}`}
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Group gap="md" wrap="nowrap" align="flex-start">
                      <ThemeIcon size={42} radius="md" variant="light" aria-hidden>
                        <item.icon size={24} stroke={1.6} />
                      </ThemeIcon>
                      <Stack gap={4}>
                        <Text fw={650}>{item.label}</Text>
                        <Text size="sm" c="dimmed">
                          {item.description}
                        </Text>
                      </Stack>
                    </Group>
                    <IconChevronRight size={18} aria-hidden color="var(--mantine-color-gray-5)" />
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </section>
      )}
    </Stack>
  );
}
