/** Date arithmetic on 'YYYY-MM-DD' for the form's hints; the server's rules decide. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day of n months or days starting on `from` (inclusive), as the server counts it. */
export function periodEnd(from: string, unit: 'month' | 'day', n: number): string {
  return addDays(unit === 'month' ? addMonths(from, n) : addDays(from, n), -1);
}
