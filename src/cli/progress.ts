/** Progress for long commands: a redrawn bar on a terminal, plain lines otherwise (logs, CI). */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastPhase = '';
  let lastPct = -1;
  let lastAt = 0;
  return (p: { phase: string; done: number; total: number | null }) => {
    const pct = p.total ? Math.min(100, Math.floor((p.done / p.total) * 100)) : null;
    if (stream.isTTY) {
      const width = 30;
      const bar =
        pct === null
          ? ''
          : `[${'#'.repeat(Math.round((pct / 100) * width)).padEnd(width, '.')}] ${String(pct).padStart(3)}% `;
      stream.write(`\r\x1b[2K${bar}${p.phase}`);
      if (pct === 100) stream.write('\n');
      return;
    }
    const now = Date.now();
    if (p.phase !== lastPhase || (pct !== null && pct >= lastPct + 10) || now - lastAt > 10_000) {
      stream.write(`${p.phase}${pct === null ? '' : ` ${pct}%`}\n`);
      lastPhase = p.phase;
      lastPct = pct ?? -1;
      lastAt = now;
    }
  };
}
