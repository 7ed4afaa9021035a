import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD_FILE, demoPassword } from './demo-password.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'fachtag-demo-')), 'data');

describe('demoPassword', () => {
  it('generates a password once, keeps it owner-readable only, and returns it again', () => {
    const dir = fresh();
    const first = demoPassword(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const file = join(dir, DEMO_PASSWORD_FILE);
    expect(readFileSync(file, 'utf8')).toBe(`${first}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(demoPassword(dir)).toBe(first);
    expect(demoPassword(fresh())).not.toBe(first);
  });

  it('keeps a password of ten or more characters someone wrote, and replaces a shorter one', () => {
    const dir = fresh();
    demoPassword(dir);
    const file = join(dir, DEMO_PASSWORD_FILE);
    writeFileSync(file, '  chosen-pass  \n');
    expect(demoPassword(dir)).toBe('chosen-pass');
    writeFileSync(file, 'ten-chars!\n'); // exactly ten characters: kept
    expect(demoPassword(dir)).toBe('ten-chars!');
    writeFileSync(file, 'short-pwd\n'); // nine characters
    const replaced = demoPassword(dir);
    expect(replaced).not.toBe('short-pwd');
    expect(replaced).toHaveLength(16);
  });
});
