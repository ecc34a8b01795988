import type { Role } from '../../src/platform/http/permissions.js';
import { describeAccessMatrix, type MatrixRow } from '../helpers/matrix.js';

/** Who may see and who may decide reconciliation change sets (MEM-7). */
const READ: Role[] = ['kepesertaan', 'dukcapil', 'pimpinan', 'auditor'];
const REVIEW: Role[] = ['kepesertaan'];
const MATRIX: MatrixRow[] = [
  { method: 'GET', url: '/api/v1/reconciliation/change-sets', allowed: READ },
  { method: 'GET', url: '/api/v1/reconciliation/change-sets/999999', allowed: READ },
  { method: 'GET', url: '/api/v1/reconciliation/change-sets/999999/items', allowed: READ },
  { method: 'GET', url: '/api/v1/reconciliation/change-sets/999999/sample', allowed: READ },
  { method: 'GET', url: '/api/v1/reconciliation/change-sets/999999/download', allowed: READ },
  {
    method: 'POST',
    url: '/api/v1/reconciliation/change-sets/999999/approve',
    body: { kinds: ['DEATH'] },
    allowed: REVIEW,
  },
  {
    method: 'POST',
    url: '/api/v1/reconciliation/change-sets/999999/decline',
    body: { kinds: ['MISSING'] },
    allowed: REVIEW,
  },
  {
    method: 'POST',
    url: '/api/v1/reconciliation/change-sets/999999/reject',
    body: { reason: 'Berkas keliru' },
    allowed: REVIEW,
  },
];

describeAccessMatrix('reconciliation routes by role', MATRIX);
