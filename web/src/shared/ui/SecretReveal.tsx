import { ActionIcon, Alert, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconLock } from '@tabler/icons-react';
import { t } from '../i18n';

/**
 * A secret the server shows exactly once (a one-time password, an API token):
 * large, monospaced, with a copy button and a reminder that it will not be shown again.
 */
export function SecretReveal({
  title,
  secret,
  note,
  testId,
}: {
  title: string;
  secret: string;
  note: string;
  testId?: string;
}) {
  return (
    <Alert color="yellow" variant="light" icon={<IconLock aria-hidden />} title={title} role="status">
      <Group gap="xs" wrap="nowrap" mt={4}>
        <Code
          fz="lg"
          px="sm"
          py={6}
          className="mono"
          data-testid={testId}
          style={{ wordBreak: 'break-all', userSelect: 'all' }}
        >
          {secret}
        </Code>
        <CopyButton value={secret} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t.common.copied : t.common.copy} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'dinkes' : undefined}
                size="lg"
                onClick={copy}
                aria-label={copied ? t.common.copied : `${t.common.copy}: ${title}`}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" mt="xs">
        {note}
      </Text>
    </Alert>
  );
}
