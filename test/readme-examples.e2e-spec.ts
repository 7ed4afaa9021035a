import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, TEST_ORGANIZER, type TestApp } from './harness/index.js';

const run = promisify(execFile);

/** The ```sh blocks of README.md that talk to a running server with curl. */
function curlExamples(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.filter((block) => /\bcurl\b/.test(block));
}

describe('README examples', () => {
  let t: TestApp;
  let token = '';
  let demoId = '';

  beforeAll(async () => {
    // a default start: the demo edition is loaded as on a fresh `npm start`
    t = await startTestApp({ SEED_DEMO: 'true' });
    const login = await t.data<{ login: { accessToken: string } }>(
      `mutation ($email: String!, $password: String!) {
        login(email: $email, password: $password) { ... on LoginSuccess { accessToken } } }`,
      TEST_ORGANIZER,
    );
    token = login.login.accessToken;
    const events = await t.data<{ events: { edges: Array<{ node: { id: string } }> } }>(
      '{ events { edges { node { id } } } }',
    );
    demoId = events.events.edges[0].node.id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('has curl examples to run', () => {
    expect(curlExamples().length).toBeGreaterThan(0);
  });

  it('has no example that cuts a pipe short', () => {
    // `curl … | head` fails now and then under pipefail: head exits after its lines and
    // curl, still writing, dies of SIGPIPE (exit 23), depending on how the answer arrived
    for (const block of curlExamples()) expect(block).not.toMatch(/\|\s*head\b/);
  });

  it.each(curlExamples().map((block, index) => [index + 1, block]))(
    'curl example %i runs against a default start and prints an answer',
    async (_index, block) => {
      const script = `set -euo pipefail\n${String(block).replaceAll('http://localhost:3000', t.baseUrl)}`;
      // examples for organizers use $TOKEN and $EVENT_ID, as README says where they come from;
      // they run in a directory of their own, since they may save files
      const { stdout } = await run('bash', ['-c', script], {
        cwd: mkdtempSync(join(tmpdir(), 'fachtag-readme-')),
        env: { ...process.env, TOKEN: token, EVENT_ID: demoId },
      });
      expect(stdout.trim()).not.toBe('');
      // a status line printed by curl -w must not be an error
      expect(stdout).not.toMatch(/^[45]\d\d,/m);
      if (String(block).includes('.ics')) expect(stdout).toContain('BEGIN:VCALENDAR');
    },
  );
});
