import { Anchor, Badge, Box, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconInfoCircle, IconBan } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { paths } from '../../app/paths';
import { formatDate, formatKk, formatNik } from '../../shared/format';
import { label, t } from '../../shared/i18n';
import type { EligibilityDecision, Severity } from '@server/modules/membership/schemas';
import { Field, FieldGrid } from '../../shared/ui/Field';
import { s } from './strings';

const c = s.check;

export const SEVERITY_COLOR: Record<Severity, string> = { BLOCK: 'red', WARN: 'orange', INFO: 'blue' };
const SEVERITY_ICON = { BLOCK: IconBan, WARN: IconAlertTriangle, INFO: IconInfoCircle } as const;
const CARD_COLOR: Record<string, string> = {
  ACTIVE: 'dinkes',
  PENDING_EKTP: 'orange',
  REPLACED: 'gray',
  REVOKED: 'red',
  NONE: 'gray',
};

export function verdictText(d: EligibilityDecision) {
  return d.eligible ? c.eligible : c.notEligible;
}

/** Covered: the basis in words. Not covered: the first blocking reason says why. */
export function basisText(d: EligibilityDecision) {
  if (d.basis) return label(t.basis, d.basis);
  return d.reasons.find((r) => r.severity === 'BLOCK')?.message ?? c.noBasis;
}

function Verdict({ d }: { d: EligibilityDecision }) {
  const color = d.eligible ? 'dinkes' : 'red';
  const Icon = d.eligible ? IconCircleCheck : IconCircleX;
  return (
    <Paper
      p={{ base: 'lg', sm: 'xl' }}
      radius="lg"
      bg={`var(--mantine-color-${color}-0)`}
      style={{ border: `2px solid var(--mantine-color-${color}-${d.eligible ? 7 : 6})` }}
    >
      <Group gap="lg" wrap="nowrap" align="center">
        <ThemeIcon size={72} radius="xl" color={color} aria-hidden>
          <Icon size={48} />
        </ThemeIcon>
        <Stack gap={4}>
          <Text
            fz={{ base: 30, sm: 40 }}
            fw={800}
            lh={1.05}
            c={`${color}.${d.eligible ? 8 : 9}`}
            style={{ letterSpacing: '0.02em' }}
            data-testid="eligibility-verdict"
            data-eligible={d.eligible}
          >
            {verdictText(d)}
          </Text>
          <Text fw={600} size="lg" data-testid="eligibility-basis">
            {basisText(d)}
          </Text>
          <Text size="sm" c="dimmed">
            NIK {formatNik(d.nik)} · {c.onDate(formatDate(d.date))}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function Reasons({ d }: { d: EligibilityDecision }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="reasons-title">
      <Title order={2} id="reasons-title" mb="sm">
        {c.reasons}
      </Title>
      {d.reasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {c.noReasons}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {d.reasons.map((r, i) => {
            const color = SEVERITY_COLOR[r.severity] ?? 'gray';
            const Icon = SEVERITY_ICON[r.severity] ?? IconInfoCircle;
            return (
              <Box
                component="li"
                key={`${r.code}-${i}`}
                data-testid={`reason-${r.code}`}
                data-severity={r.severity}
                p="sm"
                style={{
                  borderLeft: `4px solid var(--mantine-color-${color}-6)`,
                  background: `var(--mantine-color-${color}-0)`,
                  borderRadius: 'var(--mantine-radius-sm)',
                }}
              >
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Icon
                    size={20}
                    color={`var(--mantine-color-${color}-7)`}
                    aria-hidden
                    style={{ flexShrink: 0, marginTop: 2 }}
                  />
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Badge color={color} variant="filled" size="sm">
                        {label(t.severity, r.severity)}
                      </Badge>
                      <Text size="xs" c="dimmed" className="mono">
                        {r.code}
                      </Text>
                    </Group>
                    <Text size="sm">{r.message}</Text>
                  </Stack>
                </Group>
              </Box>
            );
          })}
        </Stack>
      )}
      {d.rule && (
        <Text size="xs" c="dimmed" mt="md" data-testid="eligibility-rule">
          {c.rule}: <span className="mono">{d.rule.code}</span> — {d.rule.description}
        </Text>
      )}
    </Paper>
  );
}

export function EligibilityResult({ d, canReadPerson }: { d: EligibilityDecision; canReadPerson: boolean }) {
  const f = c.f;
  return (
    <Stack gap="md" data-testid="eligibility-result">
      <Verdict d={d} />
      <Reasons d={d} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Paper withBorder p="lg" component="section" aria-labelledby="elig-person">
          <Group justify="space-between" mb="sm">
            <Title order={2} id="elig-person">
              {c.person}
            </Title>
            {d.person && canReadPerson && (
              <Anchor component={Link} to={paths.person(d.nik)} size="sm">
                {c.openPerson}
              </Anchor>
            )}
          </Group>
          {d.person ? (
            <FieldGrid min={150}>
              <Field label={f.name}>{d.person.name}</Field>
              <Field label={f.sex}>{t.sex[d.person.sex] ?? d.person.sex}</Field>
              <Field label={f.birthDate}>{formatDate(d.person.birthDate)}</Field>
              <Field label={f.family}>
                <span className="mono">{formatKk(d.person.familyNumber)}</span>
              </Field>
            </FieldGrid>
          ) : (
            <Text size="sm" c="dimmed">
              {c.unknownPerson}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="elig-card">
          <Title order={2} id="elig-card" mb="sm">
            {c.card}
          </Title>
          <Stack gap="sm">
            <Badge
              size="lg"
              variant="light"
              color={CARD_COLOR[d.card?.status ?? 'NONE'] ?? 'gray'}
              data-testid="card-status"
              style={{ whiteSpace: 'normal', height: 'auto' }}
              py={4}
            >
              {label(t.cardStatus, d.card?.status ?? 'NONE')}
            </Badge>
            {d.card?.number && (
              <Field label={f.cardNumber}>
                <span className="mono">{d.card.number}</span>
              </Field>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="elig-jkn">
          <Title order={2} id="elig-jkn" mb="sm">
            {c.jkn}
          </Title>
          {d.jkn ? (
            <FieldGrid min={150}>
              <Field label={f.segment}>{label(t.jknSegment, d.jkn.segment)}</Field>
              <Field label={f.status}>
                <Badge color={d.jkn.status === 'AKTIF' ? 'dinkes' : 'gray'} variant="light">
                  {d.jkn.status}
                </Badge>
              </Field>
              <Field label={f.jknCard}>
                <span className="mono">{d.jkn.cardNumber}</span>
              </Field>
            </FieldGrid>
          ) : (
            <Text size="sm" c="dimmed">
              {c.noJkn}
            </Text>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
