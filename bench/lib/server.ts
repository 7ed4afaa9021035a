import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The production build of the API, started as users start it. */
export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startServer(
  env: Record<string, string>,
  entry = 'dist/apps/api/src/main.js',
): Promise<RunningServer> {
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server process, written when it stops
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(process.execPath, [...profile, join(process.cwd(), entry)], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  if (env.PORT) {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      try {
        if ((await fetch(`${baseUrl}/health`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 600) throw new Error(`server did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    baseUrl,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
