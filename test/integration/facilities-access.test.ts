import type { Role } from '../../src/platform/http/permissions.js';
import { describeAccessMatrix, type MatrixRow } from '../helpers/matrix.js';

/** Who may call what in the facilities module (SPEC §5). Written out by hand on purpose. */
const READ: Role[] = [
  'admin',
  'kepesertaan',
  'sjp',
  'verifikator',
  'ketua',
  'bendahara',
  'puskesmas',
  'rumahsakit',
  'dinsos',
  'pimpinan',
  'auditor',
];
const BOARD: Role[] = ['kepesertaan', 'sjp', 'verifikator', 'ketua', 'puskesmas', 'rumahsakit', 'pimpinan'];
const MATRIX: MatrixRow[] = [
  { method: 'GET', url: '/api/v1/facilities', allowed: READ },
  { method: 'GET', url: '/api/v1/facilities/RS-TEST-01', allowed: READ },
  { method: 'GET', url: '/api/v1/facilities/RS-TEST-01/agreements', allowed: READ },
  { method: 'GET', url: '/api/v1/facilities/agreements/expiring', allowed: READ },
  { method: 'GET', url: '/api/v1/facilities/agreements/999999/document', allowed: READ },
  { method: 'POST', url: '/api/v1/facilities/import', body: { csv: 'kode,nama\n' }, allowed: ['admin'] },
  { method: 'POST', url: '/api/v1/facilities/documents', body: {}, allowed: ['admin'] },
  {
    method: 'PUT',
    url: '/api/v1/facilities/NOPE-99',
    body: {
      name: 'X',
      class: null,
      ownership: 'SWASTA',
      location: 'DALAM_KOTA',
      isRsud: false,
      villageCode: null,
      address: null,
      phone: null,
    },
    allowed: ['admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/facilities/NOPE-99/agreements',
    body: {
      number: 'PKS/1',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      services: ['RAWAT_JALAN'],
      documentId: 999999,
    },
    allowed: ['admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/facilities/agreements/999999/terminate',
    body: { terminatedOn: '2026-01-01', reason: 'uji coba' },
    allowed: ['admin'],
  },
  {
    method: 'POST',
    url: '/api/v1/facilities/NOPE-99/sanctions',
    body: { kind: 'TEGURAN_LISAN', imposedOn: '2026-01-01', basis: 'uji coba' },
    allowed: ['admin'],
  },
  { method: 'GET', url: '/api/v1/facilities/bed-board', allowed: BOARD },
  {
    method: 'POST',
    url: '/api/v1/facilities/bed-reports',
    body: { class3Total: 10, class3Available: 2 },
    allowed: ['rumahsakit'],
  },
  { method: 'GET', url: '/api/v1/facilities/bed-reports/mine', allowed: ['rumahsakit'] },
  { method: 'POST', url: '/api/v1/facilities/monthly-reports', body: { period: '2020-01' }, allowed: ['rumahsakit'] },
  { method: 'GET', url: '/api/v1/facilities/monthly-reports/mine', allowed: ['rumahsakit'] },
  {
    method: 'GET',
    url: '/api/v1/facilities/monthly-reports?period=2026-01',
    allowed: ['admin', 'sjp', 'verifikator', 'ketua', 'pimpinan', 'auditor'],
  },
  {
    method: 'POST',
    url: '/api/v1/facilities/emergency-reports',
    body: { nik: '1' },
    allowed: ['rumahsakit', 'puskesmas'],
  },
  { method: 'GET', url: '/api/v1/facilities/emergency-reports/mine', allowed: ['rumahsakit', 'puskesmas'] },
  {
    method: 'GET',
    url: '/api/v1/facilities/emergency-reports',
    allowed: ['sjp', 'kepesertaan', 'verifikator', 'ketua', 'auditor'],
  },
];

describeAccessMatrix('facilities: role × endpoint', MATRIX);
