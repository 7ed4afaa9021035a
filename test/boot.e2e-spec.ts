import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { freePort } from '@fachtag/database';

// These tests run the built server (`npm test` builds first) as a user would.
const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Every server a test starts, so that afterEach stops the ones still running: a test
// that fails (or times out) before its own SIGTERM would otherwise leave a server and
// its embedded PostgreSQL running, and their pipes keep jest's worker from exiting.
const children = new Set<ChildProcess>();

function start(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [MAIN], { env });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

afterEach(async () => {
  await Promise.all(
    [...children].map(async (child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // SIGTERM stops its embedded PostgreSQL too; SIGKILL only if it does not stop
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    }),
  );
});

function runServer(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = start({
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      ...env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fachtag-boot-'));
  chmodSync(dir, 0o755);
  return dir;
}

describe('booting the server', () => {
  it.each([
    [{ PORT: 'abc' }, "fachtag: PORT must be a port number between 1 and 65535, got 'abc'\n"],
    [{ NODE_ENV: 'production' }, 'fachtag: JWT_SECRET is required when NODE_ENV=production\n'],
  ])('stops on bad configuration %j with one line', async (env, line) => {
    const run = await runServer({ DATA_DIR: dataDir(), ...env });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(line);
  });

  it('stops with one line naming DATABASE_URL when the database is unreachable', async () => {
    const port = await freePort();
    const run = await runServer({
      DATA_DIR: dataDir(),
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/fachtag`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^fachtag: DATABASE_URL: cannot connect to 127\\.0\\.0\\.1:${port}/fachtag: ECONNREFUSED.*\\n$`,
      ),
    );
  });

  it('serves /health and /graphql on the embedded default, keeps data, stops cleanly', async () => {
    const port = await freePort();
    const dir = dataDir();
    const child = start({
      PATH: process.env.PATH ?? '',
      DATA_DIR: dir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 600 && !stdout.includes('serving'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(stdout).toContain(`fachtag: serving http://localhost:${port}/graphql`);

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    const graphql = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(await graphql.json()).toEqual({ data: { viewer: null } });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // PostgreSQL removes its pid file only on a clean shutdown
    expect(existsSync(join(dir, 'postgres/cluster/postmaster.pid'))).toBe(false);
    expect(existsSync(join(dir, 'postgres/cluster/PG_VERSION'))).toBe(true);
  });
});
