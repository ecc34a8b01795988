// Prints one plain line, "N passed, N failed, N skipped", over the vitest JSON
// reports that `npm test` wrote, so that CI logs say plainly what ran.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['test-results/vitest.json', 'test-results/vitest-e2e.json']) {
  if (!fs.existsSync(file)) {
    console.error(`missing ${file}: that part of the suite did not run`);
    failed++;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
