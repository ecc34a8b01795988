import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n';

/**
 * A page that throws while rendering shows what happened and a way back,
 * instead of a blank screen; the menu around it keeps working. Keyed by the
 * address where it is used, so moving to another page starts afresh.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // The console is where a developer or support looks; no personal data is in a render error.
    console.error('Halaman gagal ditampilkan', error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Stack maw={640} mx="auto" my="xl" data-testid="page-crashed">
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t.errors.pageCrashed}
          role="alert"
        >
          <Text size="sm">{t.errors.pageCrashedBody}</Text>
        </Alert>
        <Button variant="default" onClick={() => window.location.reload()} w="fit-content">
          {t.errors.reload}
        </Button>
      </Stack>
    );
  }
}
