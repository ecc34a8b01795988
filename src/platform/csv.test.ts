import { describe, expect, it } from 'vitest';
import { csvCell } from './csv.js';

describe('csvCell', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+62812')).toBe("'+62812");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`);
  });

  it('leaves ordinary text as it is and quotes delimiters, quotes and line breaks', () => {
    expect(csvCell('3275010101700001')).toBe('3275010101700001');
    expect(csvCell('BUDI = SANTOSO')).toBe('BUDI = SANTOSO');
    expect(csvCell('')).toBe('');
    expect(csvCell('JL. MAWAR, NO. 5')).toBe('"JL. MAWAR, NO. 5"');
    expect(csvCell('A;B')).toBe('"A;B"');
    expect(csvCell('5" DISK')).toBe('"5"" DISK"');
  });
});
