import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconEye, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { s } from './strings';
import type { SjpDetail, SjpDocument } from '@server/modules/guarantees/schemas';

const d = s.detail;
const ACCEPT = 'application/pdf,image/jpeg,image/png';

interface Props {
  r: SjpDetail;
  /** The document in the preview, chosen from the list. */
  shown: number | null;
  setShown: (id: number | null) => void;
  /** The hospital may add documents now (draft, or completion asked). */
  canEdit: boolean;
  busy: boolean;
  files: Record<string, File | null>;
  setFile: (code: string, file: File | null) => void;
  onUpload: () => void;
  onSubmit: () => void;
}

/** The document shown in the page: the PDF in a frame, a scan as an image. */
export function DocumentPreview({ doc }: { doc: SjpDocument | null }) {
  if (!doc) {
    return (
      <Text size="sm" c="gray.7">
        {d.noDocuments}
      </Text>
    );
  }
  const url = `/api/v1/documents/${doc.documentId}`;
  return (
    <Stack gap={6} data-testid="sjp-preview" data-document={doc.documentId}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {s.requirement[doc.requirement] ?? doc.requirement} · {doc.fileName}
        </Text>
        <Anchor href={url} target="_blank" rel="noopener" size="sm">
          {d.openNewTab}
        </Anchor>
      </Group>
      {doc.mediaType === 'application/pdf' ? (
        <iframe
          src={url}
          title={`${d.preview}: ${doc.fileName}`}
          style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
        />
      ) : (
        <img
          src={url}
          alt={`${d.preview}: ${doc.fileName}`}
          style={{
            maxWidth: '100%',
            maxHeight: 560,
            objectFit: 'contain',
            border: '1px solid var(--mantine-color-gray-4)',
          }}
        />
      )}
    </Stack>
  );
}

/** SJP-2 checklist: each requirement with its documents (replaced copies struck through), uploads while the hospital may add, and the preview. */
export function DocumentsPanel({ r, shown, setShown, canEdit, busy, files, setFile, onUpload, onSubmit }: Props) {
  const [replacing, setReplacing] = useState<Record<string, boolean>>({});

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sjp-checklist">
      <Title order={2} id="sjp-checklist" mb="sm">
        {d.checklist}
      </Title>
      <Table data-testid="sjp-checklist-table" verticalSpacing="xs">
        <Table.Tbody>
          {r.checklist.map((c) => {
            const docs = r.documents.filter((x) => x.requirement === c.code);
            const flagged =
              docs.some((x) => x.flagged && x.replacedBy === null) ||
              (r.status === 'NEEDS_COMPLETION' &&
                r.missing.includes(c.code) &&
                !docs.some((x) => x.replacedBy === null && !x.flagged));
            const upload = canEdit && (!c.present || flagged || replacing[c.code]);
            return (
              <Table.Tr key={c.code}>
                <Table.Td w="30%">{c.label}</Table.Td>
                <Table.Td w={130}>
                  <Badge
                    color={flagged ? 'orange' : c.present ? 'dinkes' : 'orange'}
                    variant="light"
                    data-testid={`sjp-check-${c.code}`}
                    data-present={c.present}
                    data-flagged={flagged}
                  >
                    {flagged ? d.askedAgain : c.present ? d.present : d.missing}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {docs.map((x) => (
                      <Group
                        key={x.documentId}
                        gap={6}
                        wrap="nowrap"
                        data-testid={`sjp-doc-${x.documentId}`}
                        data-replaced={x.replacedBy !== null}
                      >
                        <UnstyledButton
                          onClick={() => setShown(x.documentId)}
                          aria-label={`${d.preview} ${x.fileName}`}
                          aria-pressed={shown === x.documentId}
                        >
                          <Group gap={4} wrap="nowrap">
                            <IconEye size={14} aria-hidden />
                            <Text
                              size="sm"
                              c={x.replacedBy !== null ? 'gray.7' : undefined}
                              td={x.replacedBy !== null ? 'line-through' : undefined}
                              fw={shown === x.documentId ? 700 : undefined}
                            >
                              {x.fileName}
                            </Text>
                          </Group>
                        </UnstyledButton>
                        {x.replacedBy !== null && (
                          <Badge size="xs" color="gray" variant="outline">
                            {d.replaced}
                          </Badge>
                        )}
                        {x.replacedBy === null && docs.length > 1 && (
                          <Badge size="xs" color="blue" variant="light" title={formatDateTime(x.addedAt)}>
                            {d.replacement}
                          </Badge>
                        )}
                      </Group>
                    ))}
                    {canEdit && c.present && !flagged && !replacing[c.code] && (
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        style={{ alignSelf: 'flex-start' }}
                        onClick={() => setReplacing((m) => ({ ...m, [c.code]: true }))}
                      >
                        {d.replace}
                      </Anchor>
                    )}
                    {upload && (
                      <FileInput
                        aria-label={`${d.upload} ${c.label}`}
                        placeholder={flagged || c.present ? d.uploadReplacement : d.upload}
                        size="xs"
                        value={files[c.code] ?? null}
                        onChange={(file) => setFile(c.code, file)}
                        accept={ACCEPT}
                        leftSection={<IconFileUpload size={14} aria-hidden />}
                        clearable
                        data-testid={`sjp-upload-${c.code}`}
                      />
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Group mt="md">
          <Button
            variant="default"
            onClick={onUpload}
            loading={busy}
            disabled={!Object.values(files).some(Boolean)}
            data-testid="sjp-attach"
          >
            {d.upload}
          </Button>
          <Button onClick={onSubmit} loading={busy} data-testid="sjp-submit">
            {r.status === 'NEEDS_COMPLETION' ? d.resubmit : d.submit}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
