// Reports the participant pages' JavaScript as it travels: gzipped bytes of dist/web/assets/*.js.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = 'dist/web/assets';
const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
let raw = 0;
let gzipped = 0;
for (const file of files) {
  const bytes = readFileSync(join(dir, file));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
process.stdout.write(
  `web: participant pages' JavaScript ${kb(gzipped)} gzipped (${kb(raw)} raw, ${files.length} file(s)) in dist/web\n`,
);
