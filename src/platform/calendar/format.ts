import { MONTHS } from './labels.js';

/** '2026-11-22' → '22 November 2026', as letters and screens write dates. */
export function formatDateId(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
