import { FileInput, type FileInputProps } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';

/** The file types the document store takes (a scan or photo of a paper). */
export const DOCUMENT_ACCEPT = 'application/pdf,image/jpeg,image/png';

/** A field for one scanned document: PDF, JPEG or PNG, clearable. */
export function DocumentFileInput(props: Omit<FileInputProps<false>, 'accept' | 'multiple'>) {
  return (
    <FileInput {...props} accept={DOCUMENT_ACCEPT} leftSection={<IconFileUpload size={16} aria-hidden />} clearable />
  );
}
