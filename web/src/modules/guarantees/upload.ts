import { api } from '../../shared/api';

/** Uploads one supporting document; the server checks its type from the content. */
export async function uploadDocument(file: File): Promise<number> {
  const form = new FormData();
  form.append('file', file);
  return (await api<{ id: number }>('/api/v1/documents', { method: 'POST', body: form })).id;
}
