import { Button } from '@mantine/core';
import { IconFilePlus, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** A list page's button to the form that makes a new record; a letter (referral, recommendation) shows a page icon. */
export function NewButton({
  to,
  letter,
  testId,
  children,
}: {
  to: string;
  letter?: boolean;
  testId: string;
  children: ReactNode;
}) {
  const Icon = letter ? IconFilePlus : IconPlus;
  return (
    <Button component={Link} to={to} leftSection={<Icon size={18} aria-hidden />} data-testid={testId}>
      {children}
    </Button>
  );
}
