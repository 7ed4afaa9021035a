// Prints the mutation score per folder from StrykerJS' JSON report
// (reports/mutation/mutation.json, written by `npm run test:mutation`; or the
// reports named on the command line), and
// fails below the floor that docs/quality.md names for the domain code.
// Score as Stryker counts it: detected (killed, timed out) / (detected +
// undetected (survived, no coverage)); compile errors and ignored ones aside.
import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

const FLOOR = 80;
const args = process.argv.slice(2);
// --report-only: print, never fail (CI mutates only the changed files)
const reportOnly = args.includes('--report-only');
// several reports (runs of single folders, or of a few lines after new tests) add up:
// a mutant in a later report (same file, place, mutator and replacement) replaces the
// same mutant of an earlier one, and mutants only the earlier one tested keep its status
const files = args.filter((a) => !a.startsWith('--'));
const reports = (files.length > 0 ? files : ['reports/mutation/mutation.json']).map((file) =>
  JSON.parse(readFileSync(file, 'utf8')),
);
const root = process.cwd();
const key = ({ location: { start, end }, mutatorName, replacement }) =>
  `${start.line}:${start.column}-${end.line}:${end.column} ${mutatorName} ${replacement}`;
const merged = new Map();
for (const report of reports) {
  for (const [path, { mutants }] of Object.entries(report.files)) {
    const file = relative(root, path.startsWith('/') ? path : `${root}/${path}`);
    const byKey = merged.get(file) ?? new Map();
    for (const mutant of mutants) byKey.set(key(mutant), mutant);
    merged.set(file, byKey);
  }
}
const byFile = Object.fromEntries(
  [...merged].map(([file, byKey]) => [file, { mutants: [...byKey.values()] }]),
);

const folders = new Map();
const total = { killed: 0, survived: 0 };
for (const [path, { mutants }] of Object.entries(byFile)) {
  const folder = dirname(relative(root, path.startsWith('/') ? path : `${root}/${path}`));
  const counts = folders.get(folder) ?? { killed: 0, survived: 0 };
  for (const { status } of mutants) {
    if (status === 'Killed' || status === 'Timeout') counts.killed += 1;
    else if (status === 'Survived' || status === 'NoCoverage') counts.survived += 1;
  }
  folders.set(folder, counts);
}

const score = ({ killed, survived }) =>
  killed + survived === 0 ? 100 : (100 * killed) / (killed + survived);
const rows = [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
const width = Math.max(...rows.map(([f]) => f.length), 'all mutated files'.length);
console.log(`\n${'folder'.padEnd(width)}  score  detected  undetected`);
for (const [folder, counts] of rows) {
  total.killed += counts.killed;
  total.survived += counts.survived;
  console.log(
    `${folder.padEnd(width)}  ${score(counts).toFixed(1).padStart(5)}  ${String(counts.killed).padStart(8)}  ${String(counts.survived).padStart(10)}`,
  );
}
const all = score(total);
console.log(
  `${'all mutated files'.padEnd(width)}  ${all.toFixed(1).padStart(5)}  ${String(total.killed).padStart(8)}  ${String(total.survived).padStart(10)}`,
);
if (all < FLOOR && !reportOnly) {
  console.error(`mutation score ${all.toFixed(1)} % is below the floor of ${FLOOR} %`);
  process.exit(1);
}
