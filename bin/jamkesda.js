#!/usr/bin/env node
// The `jamkesda` command. Runs the compiled sources (dist/), rebuilding them
// first when anything under src/ is newer (../scripts/build.mjs).
import { ensureBuilt } from '../scripts/build.mjs';

const entry = await ensureBuilt();
const { main } = await import(entry);
await main(process.argv);
