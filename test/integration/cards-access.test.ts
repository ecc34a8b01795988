import type { Role } from '../../src/platform/http/permissions.js';
import { describeAccessMatrix, type MatrixRow } from '../helpers/matrix.js';

/** Who may call the family card routes (MEM-5): written out by hand, not derived from the permission table. */
const READ: Role[] = ['kepesertaan', 'pimpinan', 'auditor'];
const MANAGE: Role[] = ['kepesertaan'];

const MATRIX: MatrixRow[] = [
  { method: 'GET', url: '/api/v1/cards/areas', allowed: READ },
  { method: 'GET', url: '/api/v1/cards/find?q=3275010101900201', allowed: READ },
  { method: 'GET', url: '/api/v1/cards/families/3275010101900201', allowed: READ },
  { method: 'GET', url: '/api/v1/cards?area=3275011001', allowed: READ },
  { method: 'GET', url: '/api/v1/cards/999999', allowed: READ },
  { method: 'GET', url: '/api/v1/cards/999999/pdf', allowed: READ },
  { method: 'GET', url: '/api/v1/cards/print-batches', allowed: READ },
  { method: 'POST', url: '/api/v1/cards', body: { noKk: '3275010101900201' }, allowed: MANAGE },
  { method: 'POST', url: '/api/v1/cards/bulk-issue', body: { areaCode: '3275011001' }, allowed: MANAGE },
  {
    method: 'POST',
    url: '/api/v1/cards/999999/reissue',
    body: { reason: 'HILANG', note: 'Kartu hilang' },
    allowed: MANAGE,
  },
  { method: 'POST', url: '/api/v1/cards/999999/revoke', body: { reason: 'LAINNYA', note: 'Dicabut' }, allowed: MANAGE },
  { method: 'POST', url: '/api/v1/cards/999999/handover', body: { to: 'SITI' }, allowed: MANAGE },
  { method: 'POST', url: '/api/v1/cards/print/pdf', body: { cardIds: [999999], layout: 'CARD' }, allowed: MANAGE },
  { method: 'POST', url: '/api/v1/cards/print-batches', body: { cardIds: [999999], layout: 'A4' }, allowed: MANAGE },
  { method: 'GET', url: '/api/v1/cards/print-batches/999999/pdf', allowed: MANAGE },
  { method: 'GET', url: '/api/v1/cards/reissue-flagged', allowed: READ },
  // An expected count that cannot match: allowed roles get 409, the rest 403, and nothing is reissued.
  { method: 'POST', url: '/api/v1/cards/reissue-flagged', body: { expected: 999999 }, allowed: MANAGE },
];

describeAccessMatrix('family cards: role × endpoint matrix', MATRIX);
