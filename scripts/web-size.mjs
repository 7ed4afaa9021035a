// Reports the participant pages' JavaScript as it travels: gzipped bytes of dist/web/assets/*.js.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = 'dist/web/assets';
const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
// the organizers' console is a chunk of its own (React.lazy): participants never load it
const isConsole = (file) => file.startsWith('AdminApp');
const measure = (names) => {
  let raw = 0;
  let gzipped = 0;
  for (const file of names) {
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzipped, count: names.length };
};
const participant = measure(files.filter((f) => !isConsole(f)));
const console_ = measure(files.filter(isConsole));
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
process.stdout.write(
  `web: participant pages' JavaScript ${kb(participant.gzipped)} gzipped (${kb(participant.raw)} raw, ${participant.count} file(s)); ` +
    `organizers' console +${kb(console_.gzipped)} gzipped, loaded only at /admin; in dist/web\n`,
);
