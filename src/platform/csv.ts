/**
 * One cell of a CSV file the product writes for people to open (the
 * rejected-rows report today). Every CSV export goes through this function.
 *
 * A cell starting with = + - @, a tab or a carriage return is taken as a
 * formula by Excel and LibreOffice (issue 10: `=1+2` in an uploaded file ran
 * when a clerk opened the report), so such a cell gets a leading apostrophe,
 * which spreadsheets show as text and do not evaluate. Cells holding the
 * delimiter (, or ;, the Indonesian Excel default), a quote or a line break
 * are quoted.
 */
export function csvCell(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
