import type { NavItem } from './nav';

function matches(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/**
 * The one menu entry for this address: of the entries whose path is a prefix
 * of it, the longest. "/kartu/cetak" is the print queue, not also the card search at "/kartu".
 */
export function activeItem(items: readonly NavItem[], pathname: string): NavItem | null {
  let best: NavItem | null = null;
  for (const item of items) if (matches(item.to, pathname) && (!best || item.to.length > best.to.length)) best = item;
  return best;
}

/** Two entries may share a page (read and file permissions); a user holding both sees it once. */
export function uniqueByPath(items: readonly NavItem[]): NavItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.to) ? false : (seen.add(i.to), true)));
}
