import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * A record's number in a list (a letter, a referral), linking to its page.
 * In a table whose rows are clickable, `stopRowClick` keeps the click to the link.
 */
export function NumberLink({
  to,
  children,
  stopRowClick,
  testId,
}: {
  to: string;
  children: ReactNode;
  stopRowClick?: boolean;
  testId?: string;
}) {
  return (
    <Anchor
      component={Link}
      to={to}
      size="sm"
      fw={600}
      className="mono nowrap"
      onClick={stopRowClick ? (e) => e.stopPropagation() : undefined}
      data-testid={testId}
    >
      {children}
    </Anchor>
  );
}
