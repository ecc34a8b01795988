import { Button, Group, Modal, Text } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { t } from '../i18n';

interface ConfirmOptions {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<void> | void;
}

/**
 * An accessible confirmation dialog for destructive or consequential actions.
 * Render `dialog` once; call `confirm({...})` to open it.
 */
export function useConfirm() {
  const [opts, setOpts] = useState<ConfirmOptions | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = useCallback((o: ConfirmOptions) => setOpts(o), []);
  const close = () => {
    if (!busy) setOpts(null);
  };
  const run = async () => {
    if (!opts) return;
    setBusy(true);
    try {
      await opts.onConfirm();
    } finally {
      setBusy(false);
      setOpts(null);
    }
  };
  const dialog = (
    <Modal opened={!!opts} onClose={close} title={opts?.title} centered size="md">
      <Text size="sm">{opts?.body}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={close} disabled={busy}>
          {t.common.cancel}
        </Button>
        <Button
          color={opts?.danger ? 'red' : undefined}
          onClick={run}
          loading={busy}
          data-testid="confirm-action"
          data-autofocus
        >
          {opts?.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
  return { confirm, dialog };
}
