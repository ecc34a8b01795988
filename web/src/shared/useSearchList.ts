import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useApi } from './useApi';

/**
 * A list searched by free text and filtered by one status: the text is sent
 * 300 ms after the last key, an empty text or status is left out of the query,
 * and one page of up to 100 rows is asked for.
 */
export function useSearchList<T>(path: string, initialStatus = '') {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState(initialStatus);
  const [debounced] = useDebouncedValue(q, 300);
  const list = useApi<T>(path, { q: debounced || undefined, status: status || undefined, pageSize: 100 });
  return { q, setQ, status, setStatus, ...list };
}
