import type { Role } from '../../src/platform/http/permissions.js';
import { describeAccessMatrix, type MatrixRow } from '../helpers/matrix.js';

/** Who may call the SJP routes (written out by hand so a change to the permission table shows). */
const READ: Role[] = ['rumahsakit', 'sjp', 'verifikator', 'ketua', 'pimpinan', 'auditor'];
const REQUEST: Role[] = ['rumahsakit', 'sjp'];
const DECIDE: Role[] = ['sjp'];
const MATRIX: MatrixRow[] = [
  { method: 'POST', url: '/api/v1/sjp', body: {}, allowed: REQUEST },
  { method: 'GET', url: '/api/v1/sjp', allowed: READ },
  { method: 'GET', url: '/api/v1/sjp/queue', allowed: READ },
  { method: 'GET', url: '/api/v1/sjp/999999', allowed: READ },
  { method: 'GET', url: '/api/v1/sjp/999999/letter.pdf', allowed: READ },
  { method: 'POST', url: '/api/v1/sjp/999999/documents', body: { documents: [] }, allowed: REQUEST },
  { method: 'POST', url: '/api/v1/sjp/999999/submit', allowed: REQUEST },
  { method: 'POST', url: '/api/v1/sjp/999999/cancel', body: { reason: 'uji coba' }, allowed: REQUEST },
  { method: 'POST', url: '/api/v1/sjp/999999/approve', body: {}, allowed: DECIDE },
  { method: 'POST', url: '/api/v1/sjp/999999/request-completion', body: { missing: ['KK'] }, allowed: DECIDE },
  { method: 'POST', url: '/api/v1/sjp/999999/reject', body: { code: 'LATE' }, allowed: DECIDE },
  {
    method: 'POST',
    url: '/api/v1/sjp/999999/actions',
    body: { kind: 'DISCHARGE', unit: 'ICU', description: 'pulang', plannedOn: '2026-12-01' },
    allowed: REQUEST,
  },
  { method: 'POST', url: '/api/v1/sjp/999999/actions/1/decide', body: { approve: true }, allowed: DECIDE },
  {
    method: 'POST',
    url: '/api/v1/sjp/999999/deposits',
    body: { amount: 1000, paidOn: '2026-12-01' },
    allowed: REQUEST,
  },
  {
    method: 'POST',
    url: '/api/v1/sjp/999999/placement',
    body: { placedClass: 'II', since: '2026-12-01T10:00:00+07:00' },
    allowed: REQUEST,
  },
  { method: 'GET', url: '/api/v1/sjp/settings', allowed: ['admin', 'kepesertaan', 'sjp', 'pimpinan', 'auditor'] },
  { method: 'POST', url: '/api/v1/sjp/settings', body: {}, allowed: ['admin'] },
];

describeAccessMatrix('SJP routes: role × endpoint', MATRIX);
