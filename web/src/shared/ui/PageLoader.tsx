import { Center, Loader } from '@mantine/core';
import { t } from '../i18n';

/** What shows while a page's code or first data loads. */
export function PageLoader() {
  return (
    <Center py={64} role="status" aria-live="polite">
      <Loader aria-label={t.app.loading} />
    </Center>
  );
}
