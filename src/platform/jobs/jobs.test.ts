import { describe, expect, it } from 'vitest';
import { publicResult } from './jobs.js';

describe('publicResult', () => {
  it('drops every key naming a server path or folder, at any depth, and keeps the rest', () => {
    const result = {
      importId: 7,
      reportPath: '/srv/jamkesda/data/reports/population-7.csv',
      format: 'csv',
      nested: { filePath: '/srv/x.csv', uploadDir: '/srv/uploads', rows: [1, 2] },
      list: [{ pdfPath: '/tmp/a.pdf', name: 'a' }],
      finishedAt: null,
    };
    expect(publicResult(result)).toEqual({
      importId: 7,
      format: 'csv',
      nested: { rows: [1, 2] },
      list: [{ name: 'a' }],
      finishedAt: null,
    });
  });
});
