import type { SelfCheckAnswer } from '@server/modules/membership/schemas';
import { Alert, List, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconHelpCircle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { PublicCheckFrame } from '../access/PublicCheckFrame';
import { api } from '../../shared/api';
import { useSubmit } from '../../shared/useSubmit';

type Answer = SelfCheckAnswer;

const s = {
  title: 'Cek status kepesertaan',
  intro:
    'Untuk warga: ketahui apakah Anda dijamin Jaminan Kesehatan Daerah hari ini dan apa yang perlu dilakukan. Nama dan data keluarga tidak ditampilkan.',
  nik: 'NIK (16 digit, dari KTP atau KK)',
  noKk: 'Nomor KK (16 digit)',
  noKkHint: 'Nomor Kartu Keluarga, tertulis di bagian atas Kartu Keluarga setelah tulisan "No.". Bukan NIK.',
  submit: 'Cek status',
  steps: 'Yang perlu dilakukan',
  card: {
    ACTIVE: 'Kartu Sehat keluarga Anda aktif.',
    PENDING_EKTP: 'Kartu Sehat belum dapat dicetak: e-KTP belum direkam.',
    NONE: 'Kartu Sehat belum diterbitkan.',
    REPLACED: 'Kartu Sehat Anda sudah diganti dengan kartu baru.',
    REVOKED: 'Kartu Sehat Anda sudah tidak berlaku.',
  } as Record<string, string>,
  login: 'Petugas? Masuk di sini',
};

const LOOK = {
  COVERED: { color: 'dinkes', icon: IconCircleCheck },
  // Good news told calmly: covered, only not by the program.
  COVERED_BY_JKN: { color: 'blue', icon: IconInfoCircle },
  NOT_COVERED: { color: 'red', icon: IconCircleX },
  NO_MATCH: { color: 'gray', icon: IconHelpCircle },
} as const;

/**
 * The public self-check (MEM-9), built for a phone: NIK and the family card (KK) number, one
 * answer, plain next steps. The KK number is the second factor because the NIK encodes the birth date.
 */
export default function SelfCheckPage() {
  const [nik, setNik] = useState('');
  const [noKk, setNoKk] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);

  const { busy, error, submit } = useSubmit(async () => {
    setAnswer(null);
    setAnswer(
      await api<Answer>('/api/v1/public/self-check', {
        method: 'POST',
        body: { nik: nik.replace(/\D/g, ''), noKk: noKk.replace(/\D/g, '') },
      }),
    );
  });

  const look = answer ? LOOK[answer.status] : null;
  return (
    <PublicCheckFrame
      title={s.title}
      intro={s.intro}
      fields={
        <>
          <TextInput
            label={s.nik}
            value={nik}
            onChange={(e) => setNik(e.currentTarget.value)}
            inputMode="numeric"
            autoComplete="off"
            required
            data-testid="selfcheck-nik"
          />
          <TextInput
            label={s.noKk}
            description={s.noKkHint}
            value={noKk}
            onChange={(e) => setNoKk(e.currentTarget.value)}
            inputMode="numeric"
            autoComplete="off"
            required
            data-testid="selfcheck-kk"
          />
        </>
      }
      submitLabel={s.submit}
      canSubmit={nik.replace(/\D/g, '').length === 16 && noKk.replace(/\D/g, '').length === 16}
      busy={busy}
      onSubmit={submit}
      error={error}
      loginLabel={s.login}
    >
      {answer && look && (
        <Alert
          color={look.color}
          variant="light"
          data-testid="selfcheck-answer"
          title={answer.title}
          icon={<look.icon aria-hidden />}
        >
          <Stack gap="xs">
            {answer.card && <Text size="sm">{s.card[answer.card]}</Text>}
            <Text size="sm" fw={600}>
              {s.steps}
            </Text>
            <List size="sm" spacing={4}>
              {answer.nextSteps.map((step) => (
                <List.Item key={step}>{step}</List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      )}
    </PublicCheckFrame>
  );
}
