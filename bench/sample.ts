import fs from 'node:fs';
import readline from 'node:readline';

/** A uniform random sample of NIKs from a population file (reservoir sampling, fixed seed). */
export async function sampleNiks(csvPath: string, n: number): Promise<string[]> {
  const sample: string[] = [];
  let seen = 0;
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const rl = readline.createInterface({ input: fs.createReadStream(csvPath), crlfDelay: Infinity });
  let first = true;
  for await (const line of rl) {
    if (first) {
      first = false;
      continue;
    }
    const nik = line.slice(0, 16);
    if (!/^\d{16}$/.test(nik)) continue;
    seen++;
    if (sample.length < n) sample.push(nik);
    else {
      const j = Math.floor(rand() * seen);
      if (j < n) sample[j] = nik;
    }
  }
  return sample;
}
