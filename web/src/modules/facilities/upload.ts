import type { UploadedDocument } from '@server/modules/facilities/schemas';
import { api } from '../../shared/api';

/** Uploads a PKS or sanction letter through the facility manager's own route. */
export async function uploadFacilityDocument(file: File): Promise<number> {
  const form = new FormData();
  form.append('file', file);
  return (await api<UploadedDocument>('/api/v1/facilities/documents', { method: 'POST', body: form })).id;
}
