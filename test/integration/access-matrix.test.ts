import type { Role } from '../../src/platform/http/permissions.js';
import { describeAccessMatrix, type MatrixRow } from '../helpers/matrix.js';

/**
 * Who may call what for the platform, population and eligibility routes.
 * Other modules keep their own matrix file beside their integration tests.
 */
const DESK: Role[] = ['kepesertaan', 'sjp', 'verifikator', 'puskesmas', 'rumahsakit', 'dinsos'];
const MATRIX: MatrixRow[] = [
  { method: 'GET', url: '/api/v1/eligibility?nik=3275011503800001', allowed: DESK },
  { method: 'POST', url: '/api/v1/eligibility/batch', body: { niks: ['3275011503800001'] }, allowed: DESK },
  { method: 'GET', url: '/api/v1/persons?q=BUDI', allowed: ['kepesertaan', 'sjp', 'verifikator', 'dinsos'] },
  { method: 'GET', url: '/api/v1/persons/3275011503800001', allowed: ['kepesertaan', 'sjp', 'verifikator', 'dinsos'] },
  { method: 'GET', url: '/api/v1/families/3275010101100001', allowed: ['kepesertaan', 'sjp', 'verifikator', 'dinsos'] },
  { method: 'POST', url: '/api/v1/imports/population', allowed: ['kepesertaan', 'dukcapil'] },
  { method: 'GET', url: '/api/v1/imports/population/1/report', allowed: ['kepesertaan', 'dukcapil'] },
  { method: 'POST', url: '/api/v1/imports/jkn', allowed: ['kepesertaan'] },
  { method: 'GET', url: '/api/v1/imports/jkn/1/report', allowed: ['kepesertaan'] },
  { method: 'POST', url: '/api/v1/imports/poverty', allowed: ['dinsos', 'kepesertaan'] },
  { method: 'GET', url: '/api/v1/imports/poverty/1/report', allowed: ['dinsos', 'kepesertaan'] },
  { method: 'GET', url: '/api/v1/imports', allowed: ['kepesertaan', 'dukcapil', 'dinsos', 'pimpinan', 'auditor'] },
  { method: 'GET', url: '/api/v1/users', allowed: ['admin'] },
  { method: 'POST', url: '/api/v1/users', body: { username: 'x', role: 'admin' }, allowed: ['admin'] },
  { method: 'GET', url: '/api/v1/users/search?q=x', allowed: ['admin'] },
  { method: 'PATCH', url: '/api/v1/users/999999', body: { fullName: 'Nama' }, allowed: ['admin'] },
  { method: 'POST', url: '/api/v1/users/999999/deactivate', body: { reason: 'pindah tugas' }, allowed: ['admin'] },
  { method: 'POST', url: '/api/v1/users/999999/reactivate', allowed: ['admin'] },
  { method: 'GET', url: '/api/v1/tokens', allowed: ['admin'] },
  { method: 'DELETE', url: '/api/v1/tokens/999999', allowed: ['admin'] },
  { method: 'GET', url: '/api/v1/audit', allowed: ['admin', 'auditor'] },
  { method: 'GET', url: '/api/v1/audit/options', allowed: ['admin', 'auditor'] },
  { method: 'GET', url: '/api/v1/audit.xlsx?action=user.', allowed: ['admin', 'auditor'] },
  { method: 'GET', url: '/api/v1/settings/program', allowed: ['admin', 'kepesertaan', 'sjp', 'pimpinan', 'auditor'] },
  {
    method: 'POST',
    url: '/api/v1/settings/program',
    body: { effectiveFrom: '2030-01-01', bases: [], excludedSegments: [] },
    allowed: ['admin'],
  },
  { method: 'DELETE', url: '/api/v1/settings/program/999999', allowed: ['admin'] },
  {
    method: 'POST',
    url: '/api/v1/calendar/days-off',
    body: { date: '2026-12-24', name: 'Cuti', kind: 'CUTI_BERSAMA' },
    allowed: ['admin'],
  },
  { method: 'GET', url: '/api/v1/calendar/days-off?year=2026', allowed: 'all' },
  { method: 'GET', url: '/api/v1/areas/3275', allowed: 'all' },
  { method: 'GET', url: '/api/v1/auth/me', allowed: 'all' },
  { method: 'GET', url: '/api/v1/dashboard', allowed: 'all' },
  { method: 'POST', url: '/api/v1/births', body: {}, allowed: ['kepesertaan', 'rumahsakit'] },
  { method: 'GET', url: '/api/v1/births', allowed: ['kepesertaan', 'rumahsakit', 'sjp', 'verifikator', 'auditor'] },
  {
    method: 'GET',
    url: '/api/v1/births/999999',
    allowed: ['kepesertaan', 'rumahsakit', 'sjp', 'verifikator', 'auditor'],
  },
  {
    method: 'POST',
    url: '/api/v1/births/999999/cancel',
    body: { reason: 'uji coba' },
    allowed: ['kepesertaan', 'rumahsakit'],
  },
  {
    method: 'GET',
    url: '/api/v1/persons/3275011503800001/timeline',
    allowed: ['kepesertaan', 'sjp', 'verifikator', 'auditor'],
  },
  {
    method: 'POST',
    url: '/api/v1/persons/3275011503800001/changes',
    body: { kind: 'DEATH', effectiveDate: '2026-01-01', reason: 'uji coba' },
    allowed: ['kepesertaan'],
  },
  { method: 'GET', url: '/api/v1/signals', allowed: ['kepesertaan', 'verifikator', 'auditor'] },
  { method: 'GET', url: '/api/v1/signals/PBI_WITH_ACTIVE_CARD', allowed: ['kepesertaan', 'verifikator', 'auditor'] },
  { method: 'GET', url: '/api/v1/reports/membership', allowed: ['kepesertaan', 'pimpinan', 'auditor'] },
  { method: 'GET', url: '/api/v1/reports/membership.xlsx', allowed: ['kepesertaan', 'pimpinan', 'auditor'] },
  {
    method: 'POST',
    url: '/api/v1/documents',
    allowed: ['kepesertaan', 'sjp', 'verifikator', 'puskesmas', 'rumahsakit', 'dinsos'],
  },
  {
    method: 'GET',
    url: '/api/v1/documents/999999',
    allowed: ['kepesertaan', 'sjp', 'verifikator', 'puskesmas', 'rumahsakit', 'dinsos', 'auditor'],
  },
];

describeAccessMatrix('role × endpoint matrix', MATRIX);
