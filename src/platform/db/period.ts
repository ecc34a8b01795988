/**
 * The one "in force on a date" test for validity-period history tables
 * (jkn_membership, poverty_status … — the tables platform/ingest/periods.ts
 * merges): a period starts on `valid_from` (inclusive) and ends on `valid_to`
 * (exclusive: the day the next period or the absence begins); an open period
 * has no `valid_to`. Written once so that no query counts a member whose period
 * ended that very day, or misses one whose period began on it.
 */
const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * SQL condition: the row of `alias` (a table alias or name) is in force on
 * `date` (an SQL date expression such as `$1::date` or `q.d`). Parenthesised,
 * so it can be combined with AND/OR as is.
 */
export function periodInForce(alias: string, date: string): string {
  if (!IDENT.test(alias)) throw new Error(`periodInForce: not a table alias: ${alias}`);
  if (date.trim() === '' || date.includes(';')) throw new Error(`periodInForce: not a date expression: ${date}`);
  const c = (col: string) => `${alias}.${col}`;
  return `(${c('valid_from')} <= ${date} AND (${c('valid_to')} IS NULL OR ${c('valid_to')} > ${date}))`;
}
