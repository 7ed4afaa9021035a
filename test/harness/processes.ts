import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built programs (`npm test` builds first), started as `npm start:prod` and `npm run worker` do. */
export const PROGRAMS = {
  api: join(process.cwd(), 'dist/apps/api/src/main.js'),
  worker: join(process.cwd(), 'dist/apps/worker/src/main.js'),
} as const;

/** A built program running as a child process. */
export interface RunningProcess {
  child: ChildProcess;
  /** For an API process: http://127.0.0.1:<port>. */
  baseUrl: string;
  /** What it wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /**
   * SIGTERM, then its exit code; SIGKILL after `graceMs` (then the code is null,
   * which a test's `expect(code).toBe(0)` reports), so a process that hangs on
   * shutdown never outlives the test file.
   */
  stop(graceMs?: number): Promise<number | null>;
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts `node dist/…/main.js` with exactly `env` (plus PATH and a fresh DATA_DIR)
 * and waits for its ready line: "serving" (API) or "sending queued mails" (worker).
 */
export async function startProcess(
  program: keyof typeof PROGRAMS,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<RunningProcess> {
  const port = program === 'api' ? await freePort() : 0;
  const child = spawn(process.execPath, [PROGRAMS[program]], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: mkdtempSync(join(tmpdir(), `fachtag-${program}-`)),
      ...(program === 'api' ? { PORT: String(port) } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = program === 'api' ? /: serving / : /: sending queued mails/;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${program} not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${program} exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async (graceMs = 30_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(killer);
      }
    },
  };
}
