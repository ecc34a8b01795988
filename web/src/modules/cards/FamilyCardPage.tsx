import { Alert, Anchor, Button, Menu, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCreditCard,
  IconDownload,
  IconRefresh,
  IconBan,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { paths } from '../../app/paths';
import { useSession } from '../../app/session';
import { api, messageOf } from '../../shared/api';
import { formatDate, formatDateShort, formatKk, formatNik } from '../../shared/format';
import { t } from '../../shared/i18n';
import { useApi } from '../../shared/useApi';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { ErrorAlert } from '../../shared/ui/ErrorAlert';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { PageHeader } from '../../shared/ui/PageHeader';
import { Section } from '../../shared/ui/Section';
import { useConfirm } from '../../shared/ui/useConfirm';
import { CardStatusBadge, MemberStateBadge, PrintStateBadge } from './CardBadges';
import { downloadPdf } from './download';
import { ReasonDialog } from './ReasonDialog';
import { s } from './strings';
import type { CardMember, FamilyCard, FamilyView, Layout } from '@server/modules/cards/schemas';
import { REISSUE_REASONS, REVOKE_REASONS } from '@server/modules/cards/labels';

const f = s.family;

const memberColumns = (withEktp: boolean): Column<CardMember & { ektpRecorded?: boolean }>[] => [
  {
    key: 'name',
    header: s.col.name,
    cell: (m) => (
      <Text fw={600} size="sm" c={m.included ? undefined : 'dimmed'}>
        {m.name}
      </Text>
    ),
  },
  { key: 'nik', header: s.col.nik, cell: (m) => <span className="mono">{formatNik(m.nik)}</span> },
  { key: 'relation', header: s.col.relation, cell: (m) => m.relation },
  { key: 'birth', header: s.col.birthDate, cell: (m) => formatDateShort(m.birthDate) },
  ...(withEktp
    ? [
        {
          key: 'ektp',
          header: s.col.ektp,
          cell: (m: CardMember & { ektpRecorded?: boolean }) => (m.ektpRecorded ? f.yes : f.no),
        },
      ]
    : []),
  { key: 'state', header: s.col.onCard, cell: (m) => <MemberStateBadge included={m.included} coverage={m.coverage} /> },
];

type LeftOff = FamilyView['leftOff'][number];
const leftOffColumns: Column<LeftOff>[] = [
  {
    key: 'name',
    header: s.col.name,
    cell: (m) => (
      <Text fw={600} size="sm">
        {m.name}
      </Text>
    ),
  },
  { key: 'nik', header: s.col.nik, cell: (m) => <span className="mono">{formatNik(m.nik)}</span> },
  { key: 'relation', header: s.col.relation, cell: (m) => m.relation },
  { key: 'why', header: f.why, cell: (m) => m.why },
];

function PdfMenu({ card }: { card: FamilyCard }) {
  const [busy, setBusy] = useState(false);
  const get = async (layout: Layout) => {
    setBusy(true);
    try {
      await downloadPdf(`/api/v1/cards/${card.id}/pdf?layout=${layout}`, undefined, `${card.number}.pdf`);
    } catch (err) {
      notifications.show({ color: 'red', message: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={busy}
          data-testid="card-pdf"
        >
          {f.download}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => get('CARD')} data-testid="card-pdf-CARD">
          {s.layout.CARD}
        </Menu.Item>
        <Menu.Item onClick={() => get('A4')} data-testid="card-pdf-A4">
          {s.layout.A4}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function ActiveCard({ card }: { card: FamilyCard }) {
  return (
    <Stack gap="md">
      <FieldGrid min={180}>
        <Field label={f.number}>
          <Text component="span" className="mono" fw={700} size="lg" data-testid="active-card-number">
            {card.number}
          </Text>
        </Field>
        <Field label={s.col.status}>
          <CardStatusBadge status={card.status} />
        </Field>
        <Field label={f.issuedOn}>{formatDate(card.issuedOn)}</Field>
        <Field label={s.col.print}>
          <PrintStateBadge state={card.printState} />
        </Field>
        <Field label={f.printed}>
          {card.printedOn ? `${formatDate(card.printedOn)} (${f.batch(card.printBatchId ?? 0)})` : null}
        </Field>
        <Field label={f.handedOver}>
          {card.handedOverOn ? `${formatDate(card.handedOverOn)} ${f.to(card.handedOverTo ?? '')}` : null}
        </Field>
        <Field label={s.col.reason}>{s.reason[card.issueReason]}</Field>
        <Field label={f.verify}>
          <Anchor
            href={card.verifyUrl}
            target="_blank"
            rel="noreferrer"
            size="sm"
            className="mono"
            style={{ overflowWrap: 'anywhere' }}
          >
            {(card.verifyUrl.split('/').pop() ?? '').replace(/(.{4})(?=.)/g, '$1 ')}
          </Anchor>
        </Field>
      </FieldGrid>
      <DataTable
        caption={f.activeCaption}
        columns={memberColumns(false)}
        rows={card.members}
        rowKey={(m) => m.nik}
        minWidth={680}
        testId="active-card-members"
      />
      {card.members?.some((m) => m.coverage === 'PBI_JKN') && (
        <Text size="sm" data-testid="pbi-note">
          {f.pbiNote}
        </Text>
      )}
    </Stack>
  );
}

export default function FamilyCardPage() {
  const { noKk = '' } = useParams();
  const { can } = useSession();
  const manage = can('card.manage');
  const { data, error, loading, reload } = useApi<FamilyView>(`/api/v1/cards/families/${encodeURIComponent(noKk)}`);
  const { confirm, dialog } = useConfirm();
  const [dialogKind, setDialogKind] = useState<'reissue' | 'revoke' | null>(null);
  const active = data?.active ?? null;
  const pbi = data ? data.members.filter((m) => m.coverage === 'PBI_JKN').length : 0;
  const pending = data ? data.members.length - data.includedCount - pbi : 0;

  const issue = () =>
    confirm({
      title: f.issueTitle,
      body: f.issueBody(data?.includedCount ?? 0, pending, pbi),
      confirmLabel: f.issue,
      onConfirm: async () => {
        try {
          const card = await api<FamilyCard>('/api/v1/cards', { method: 'POST', body: { noKk } });
          notifications.show({ color: 'dinkes', message: f.issuedDone(card.number) });
        } catch (err) {
          notifications.show({ color: 'red', message: messageOf(err) });
        }
        reload();
      },
    });

  const historyColumns: Column<FamilyCard>[] = [
    { key: 'number', header: s.col.number, cell: (c) => <span className="mono">{c.number}</span> },
    { key: 'status', header: s.col.status, cell: (c) => <CardStatusBadge status={c.status} /> },
    { key: 'issued', header: s.col.issued, cell: (c) => formatDateShort(c.issuedOn) },
    { key: 'ended', header: s.col.ended, cell: (c) => formatDateShort(c.endedOn) },
    {
      key: 'reason',
      header: s.col.reason,
      cell: (c) => (
        <Stack gap={0}>
          <Text size="sm">{c.endReason ? s.reason[c.endReason] : s.reason[c.issueReason]}</Text>
          {(c.endNote ?? c.issueNote) && (
            <Text size="xs" c="dimmed">
              {c.endNote ?? c.issueNote}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'by', header: s.col.by, cell: (c) => c.endedBy ?? c.issuedBy ?? '' },
    { key: 'print', header: s.col.print, cell: (c) => <PrintStateBadge state={c.printState} /> },
  ];

  const actions = data ? (
    <>
      {manage && data.canIssue && (
        <Button leftSection={<IconCreditCard size={18} aria-hidden />} onClick={issue} data-testid="issue-card">
          {f.issue}
        </Button>
      )}
      {manage && active && (
        <>
          <Button
            variant="light"
            leftSection={<IconRefresh size={18} aria-hidden />}
            onClick={() => setDialogKind('reissue')}
            data-testid="reissue-card"
          >
            {f.reissue}
          </Button>
          <Button
            variant="light"
            color="red"
            leftSection={<IconBan size={18} aria-hidden />}
            onClick={() => setDialogKind('revoke')}
            data-testid="revoke-card"
          >
            {f.revoke}
          </Button>
        </>
      )}
      {active && <PdfMenu card={active} />}
    </>
  ) : null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.cards} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {f.back}
      </Anchor>
      <PageHeader
        title={f.title(formatKk(noKk))}
        description={
          data
            ? [
                data.head?.name ?? f.noHead,
                [data.villageName, data.districtName ? `Kec. ${data.districtName}` : null].filter(Boolean).join(', '),
              ]
                .filter(Boolean)
                .join(' · ')
            : undefined
        }
        actions={actions}
      />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data && <Text c="dimmed">{t.app.loading}</Text>}
      {data && (
        <>
          {data.outdated && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={s.needsReissue}
              data-testid="card-outdated"
            >
              <Stack gap={4}>
                <Text size="sm">{f.outdated}</Text>
                {data.reissueFlags.length > 0 && (
                  <Text size="sm" fw={600} data-testid="card-outdated-reasons">
                    {f.outdatedReasons} {data.reissueFlags.map((x) => `${x.label} (${x.members})`).join('; ')}
                  </Text>
                )}
              </Stack>
            </Alert>
          )}
          {!active && data.members.length > 0 && data.includedCount === 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="card-nobody">
              {data.coveredCount === 0 ? f.nobodyCovered : f.nobody}
            </Alert>
          )}
          <Section id="active-card-title" title={f.active}>
            {active ? (
              <ActiveCard card={active} />
            ) : (
              <Text c="dimmed" size="sm" data-testid="no-active-card">
                {f.noActive}
              </Text>
            )}
          </Section>
          <Section id="current-members-title" title={f.current}>
            <Text size="sm" c="dimmed" mb="sm">
              {f.currentNote(formatDate(data.date))}
            </Text>
            <DataTable
              caption={f.currentCaption}
              columns={memberColumns(true)}
              rows={data.members}
              rowKey={(m) => m.nik}
              minWidth={760}
              testId="current-members"
            />
            {data.leftOff.length > 0 && (
              <>
                <Title order={3} size="h5" mt="md" mb="xs">
                  {f.leftOff}
                </Title>
                <DataTable
                  caption={f.leftOffCaption}
                  columns={leftOffColumns}
                  rows={data.leftOff}
                  rowKey={(m) => m.nik}
                  minWidth={760}
                  testId="left-off-members"
                />
              </>
            )}
          </Section>
          <section aria-labelledby="card-history-title">
            <Title order={2} id="card-history-title" mb="sm">
              {f.history}
            </Title>
            <DataTable
              caption={f.historyCaption}
              columns={historyColumns}
              rows={data.history}
              rowKey={(c) => c.id}
              empty={f.noHistory}
              minWidth={860}
              testId="card-history"
            />
          </section>
          {!manage && (
            <Text size="xs" c="dimmed">
              {f.readOnly}
            </Text>
          )}
        </>
      )}
      {active && (
        <>
          <ReasonDialog
            opened={dialogKind === 'reissue'}
            title={f.reissueTitle}
            intro={f.reissueIntro(active.number)}
            reasons={REISSUE_REASONS}
            confirmLabel={f.reissue}
            onClose={() => setDialogKind(null)}
            onConfirm={async (reason, note) => {
              const card = await api<FamilyCard>(`/api/v1/cards/${active.id}/reissue`, {
                method: 'POST',
                body: { reason, note },
              });
              notifications.show({ color: 'dinkes', message: f.reissuedDone(card.number) });
              reload();
            }}
          />
          <ReasonDialog
            opened={dialogKind === 'revoke'}
            title={f.revokeTitle}
            intro={f.revokeIntro(active.number)}
            reasons={REVOKE_REASONS}
            confirmLabel={f.revoke}
            danger
            onClose={() => setDialogKind(null)}
            onConfirm={async (reason, note) => {
              const card = await api<FamilyCard>(`/api/v1/cards/${active.id}/revoke`, {
                method: 'POST',
                body: { reason, note },
              });
              notifications.show({ color: 'dinkes', message: f.revokedDone(card.number) });
              reload();
            }}
          />
        </>
      )}
      {dialog}
    </Stack>
  );
}
