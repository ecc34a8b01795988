import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock, IconMapQuestion } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { t } from '../i18n';

function StatusPage({ icon, title, body }: { icon: React.ReactNode; title: string; body: string }) {
  useEffect(() => {
    document.title = `${title} · ${t.app.name}`;
  }, [title]);
  return (
    <Center py={64}>
      <Stack align="center" gap="sm" maw={520} ta="center">
        <ThemeIcon size={64} radius="xl" variant="light" color="gray" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={1} tabIndex={-1} data-page-title>
          {title}
        </Title>
        <Text c="dimmed">{body}</Text>
        <Button component={Link} to="/" variant="light" mt="sm">
          {t.errors.backHome}
        </Button>
      </Stack>
    </Center>
  );
}

export function ForbiddenPage() {
  return <StatusPage icon={<IconLock size={32} />} title={t.errors.forbiddenTitle} body={t.errors.forbiddenBody} />;
}

export function NotFoundPage() {
  return (
    <StatusPage icon={<IconMapQuestion size={32} />} title={t.errors.notFoundTitle} body={t.errors.notFoundBody} />
  );
}
