import { describe, expect, it } from 'vitest';
import { documentFileName } from './names.js';

describe('documentFileName', () => {
  it('names a document by the type read from its bytes, not by the uploaded extension', () => {
    expect(documentFileName('poly.html', 'application/pdf')).toBe('poly.pdf');
    expect(documentFileName('foto.pdf.svg', 'image/png')).toBe('foto.pdf.png');
    expect(documentFileName('scan KK.JPG', 'image/jpeg')).toBe('scan KK.jpg');
    expect(documentFileName('tanpa-ekstensi', 'application/pdf')).toBe('tanpa-ekstensi.pdf');
  });

  it('drops folders, odd characters and empty stems', () => {
    expect(documentFileName('C:\\Users\\x\\"surat".pdf', 'application/pdf')).toBe('_surat_.pdf');
    expect(documentFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(documentFileName('.html', 'application/pdf')).toBe('dokumen.pdf');
    expect(documentFileName('', 'image/jpeg')).toBe('dokumen.jpg');
  });
});
