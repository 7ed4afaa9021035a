import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './harness/index.js';

const run = promisify(execFile);

/** The ```sh blocks of README.md that talk to a running server with curl. */
function curlExamples(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.filter((block) => /\bcurl\b/.test(block));
}

describe('README examples', () => {
  let t: TestApp;

  beforeAll(async () => {
    // a default start: the demo edition is loaded as on a fresh `npm start`
    t = await startTestApp({ SEED_DEMO: 'true' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('has curl examples to run', () => {
    expect(curlExamples().length).toBeGreaterThan(0);
  });

  it.each(curlExamples().map((block, index) => [index + 1, block]))(
    'curl example %i runs against a default start and prints an answer',
    async (_index, block) => {
      const script = `set -euo pipefail\n${String(block).replaceAll('http://localhost:3000', t.baseUrl)}`;
      const { stdout } = await run('bash', ['-c', script]);
      expect(stdout.trim()).not.toBe('');
      if (String(block).includes('.ics')) expect(stdout).toContain('BEGIN:VCALENDAR');
    },
  );
});
