import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Suite } from './harness';

/**
 * `npm run bench -- <suite>`: runs bench/suites/<suite>.ts, writes
 * bench/out/<suite>.json (figure name → number) and prints a table.
 * Performance targets live here, never in timed unit tests.
 */
const suitesDir = join(__dirname, 'suites');
const available = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !available.includes(name)) {
    console.error(`Usage: npm run bench -- <suite>   (suites: ${available.join(', ')})`);
    process.exit(2);
  }
  const suite = (await import(join(suitesDir, `${name}.ts`))).default as Suite;
  console.log(`bench ${name}: ${suite.description}`);
  const figures = await suite.run((line) => console.log(`  ${line}`));
  const outDir = join(__dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${name}.json`);
  const output = suite.plans ? { ...figures, plans: suite.plans } : figures;
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  console.log('');
  for (const [figure, value] of Object.entries(figures)) {
    console.log(`${figure.padEnd(width)}  ${value.toLocaleString('en-US')}`);
  }
  console.log(`\nwritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
