import { Box, Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { t } from '../../shared/i18n';
import { PublicFooter } from '../../shared/ui/PublicFooter';

/** The calm, centred frame of the pages seen before the app shell: login and password change. */
export function AuthFrame({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · ${t.app.name}`;
  }, [title]);
  return (
    <Box
      mih="100vh"
      style={{
        background:
          'linear-gradient(160deg, var(--mantine-color-dinkes-0) 0%, var(--mantine-color-gray-0) 45%, var(--mantine-color-gray-1) 100%)',
      }}
    >
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={440} gap="lg">
          <Stack gap={6} align="center" ta="center">
            <ThemeIcon size={52} radius="md" aria-hidden>
              <IconPlus size={32} stroke={3} />
            </ThemeIcon>
            <Text fw={750} fz={22} lh={1.2} mt={4}>
              {t.app.name}
            </Text>
            <Text size="sm" c="dimmed" lh={1.3}>
              Jaminan Kesehatan Daerah · {t.app.office}
            </Text>
          </Stack>
          <Paper component="main" id="konten" withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="lg">
            <Title order={1} mb={6}>
              {title}
            </Title>
            <Text c="dimmed" size="sm" mb="lg">
              {intro}
            </Text>
            {children}
          </Paper>
          <PublicFooter />
        </Stack>
      </Center>
    </Box>
  );
}
