import type { NoticeItem as Notice, NoticeList } from '@server/platform/notifications/schemas';
import { ActionIcon, Indicator, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../shared/api';
import { formatDateTimeShort } from '../shared/format';
import { useApi } from '../shared/useApi';

const s = {
  label: (n: number) => (n > 0 ? `Notifikasi, ${n} belum dibaca` : 'Notifikasi'),
  empty: 'Belum ada notifikasi.',
  markAll: 'Tandai semua sudah dibaca',
};

/** The bell in the header: the user's queue notifications, refreshed every minute. */
export function NotificationBell() {
  const navigate = useNavigate();
  const { data, reload } = useApi<NoticeList>('/api/v1/notifications', { limit: 20 });
  useEffect(() => {
    const timer = setInterval(reload, 60_000);
    return () => clearInterval(timer);
  }, [reload]);
  const unread = data?.unread ?? 0;
  const open = async (n: Notice) => {
    if (!n.read)
      await api('/api/v1/notifications/read', { method: 'POST', body: { ids: [n.id] } }).catch(() => undefined);
    reload();
    if (n.link) navigate(n.link);
  };
  return (
    <Menu position="bottom-end" width={340} shadow="md">
      {/* The menu's button is the ActionIcon itself: aria-haspopup/expanded on the
          Indicator's plain div is not allowed (axe aria-allowed-attr). */}
      <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={4}>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={s.label(unread)} data-testid="notifications">
            <IconBell size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
      </Indicator>
      <Menu.Dropdown>
        {data?.items.length ? (
          data.items.map((n) => (
            <Menu.Item
              key={n.id}
              onClick={() => void open(n)}
              bg={n.read ? undefined : 'var(--mantine-color-dinkes-0)'}
            >
              <Stack gap={0}>
                <Text size="sm" fw={n.read ? 400 : 700}>
                  {n.title}
                </Text>
                {n.body && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {formatDateTimeShort(n.createdAt)}
                </Text>
              </Stack>
            </Menu.Item>
          ))
        ) : (
          <Text size="sm" c="dimmed" p="sm">
            {s.empty}
          </Text>
        )}
        {unread > 0 && (
          <>
            <Menu.Divider />
            <UnstyledButton
              p="xs"
              fz="sm"
              onClick={() =>
                void api('/api/v1/notifications/read', { method: 'POST', body: { ids: 'all' } }).then(reload)
              }
            >
              {s.markAll}
            </UnstyledButton>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
