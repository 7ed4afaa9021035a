import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';
import {
  postgresOsUser,
  reachableBinaries,
  reachableCluster,
  rootRuntimeBase,
  type RunAs,
} from './embedded-postgres-root.js';

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedDatabase {
  /** Connection URL of the application database inside the cluster. */
  url: string;
  /** URL of the cluster's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  /** The cluster's real directory: `<dir>/cluster`, or where root had to put it. */
  clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Directory of the cluster's files; kept across restarts unless `persistent` is false. */
  dir: string;
  database?: string;
  persistent?: boolean;
  onLog?: (line: string) => void;
}

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The directory with bin/, lib/ and share/ of this platform's PostgreSQL build. */
async function installedBinaries(): Promise<string> {
  const os = platform() === 'win32' ? 'windows' : platform();
  // the binaries of embedded-postgres' platform packages; we spawn them ourselves
  const binaries = (await import(`@embedded-postgres/${os}-${arch()}`)) as { postgres: string };
  return dirname(dirname(binaries.postgres));
}

const MESSAGES_ENV = { LC_MESSAGES: 'C' }; // the ready line below is matched in English

/** The last non-empty line of a program's output, for a one-line error. */
function lastLine(output: string): string {
  return (
    output
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .pop() ?? ''
  );
}

/**
 * Runs a program to its end. Every failure, `spawn`'s own included (EACCES,
 * ENOENT), ends as one rejected Error with a one-line message, never as an
 * unhandled 'error' event.
 */
function runToEnd(
  file: string,
  args: string[],
  runAs: RunAs | null,
  log: (line: string) => void,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, {
      ...(runAs ?? {}),
      env: { ...process.env, ...MESSAGES_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      log(chunk.toString().trim());
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', (error) => reject(new Error(`${basename(file)}: ${error.message}`)));
    child.on('close', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`${basename(file)} failed (exit ${code}): ${lastLine(output)}`)),
    );
  });
}

/** Starts the server and resolves once it accepts connections. */
function startServer(
  binDir: string,
  cluster: string,
  port: number,
  runAs: RunAs | null,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const child = spawn(
    join(binDir, 'bin', 'postgres'),
    [
      '-D',
      cluster,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    {
      ...(runAs ?? {}),
      env: { ...process.env, ...MESSAGES_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      log(chunk.toString().trim());
      if (output.includes('database system is ready to accept connections')) resolvePromise(child);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', (error) => reject(new Error(`postgres: ${error.message}`)));
    child.on('exit', (code) =>
      reject(new Error(`postgres stopped (exit ${code}): ${lastLine(output)}`)),
    );
  });
}

/** A password file initdb can read, in a private temporary directory; removed by the caller. */
function passwordFileFor(password: string, runAs: RunAs | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'fachtag-pg-init-'));
  const file = join(dir, 'password');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  if (runAs) {
    chownSync(dir, runAs.uid, runAs.gid);
    chownSync(file, runAs.uid, runAs.gid);
  }
  return file;
}

async function initialise(
  binDir: string,
  cluster: string,
  password: string,
  runAs: RunAs | null,
  log: (line: string) => void,
): Promise<void> {
  const passwordFile = passwordFileFor(password, runAs);
  try {
    await runToEnd(
      join(binDir, 'bin', 'initdb'),
      [
        `--pgdata=${cluster}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
        '--encoding=UTF8',
      ],
      runAs,
      log,
    );
  } finally {
    rmSync(dirname(passwordFile), { recursive: true, force: true });
  }
}

/** Where the binaries and the cluster are, and whom the server runs as. */
async function placement(
  dir: string,
): Promise<{ binDir: string; cluster: string; runAs: RunAs | null }> {
  const installed = await installedBinaries();
  if (userInfo().uid !== 0) {
    const cluster = join(dir, 'cluster');
    mkdirSync(cluster, { recursive: true, mode: 0o700 });
    return { binDir: installed, cluster, runAs: null };
  }
  // PostgreSQL refuses to run as root: as the OS user postgres, which must reach both
  const runAs = postgresOsUser();
  const base = rootRuntimeBase();
  return {
    binDir: reachableBinaries(installed, runAs, base),
    cluster: reachableCluster(dir, runAs, base),
    runAs,
  };
}

/**
 * Starts a real PostgreSQL from the binaries of the `embedded-postgres` packages:
 * initialises the cluster on first use, listens on 127.0.0.1 only, on a free
 * port. As root, the server runs as the OS user `postgres` (created when
 * missing); when that user cannot enter the checkout or `dir`, the binaries and
 * the cluster live under {@link rootRuntimeBase} instead. Failures reject with a
 * one-line message.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dir, database = 'fachtag', persistent = true } = options;
  mkdirSync(dir, { recursive: true });
  const passwordFile = join(dir, 'password');
  if (!existsSync(passwordFile)) {
    writeFileSync(passwordFile, randomBytes(18).toString('base64url') + '\n', { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const log = options.onLog ?? (() => undefined);
  const { binDir, cluster, runAs } = await placement(dir);
  if (!existsSync(join(cluster, 'PG_VERSION'))) {
    await initialise(binDir, cluster, password, runAs, log);
  }
  const port = await freePort();
  const server = await startServer(binDir, cluster, port, runAs, log);
  // a safety net: the server must not outlive this process
  const killOnExit = () => server.kill('SIGINT');
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
      await exited;
    }
    if (!persistent) {
      rmSync(cluster, { recursive: true, force: true });
      rmSync(join(dir, 'cluster'), { recursive: true, force: true });
    }
  };

  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  try {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (found.rowCount === 0)
        await client.query(`create database ${client.escapeIdentifier(database)}`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: adminUrl.replace(/\/postgres$/, `/${encodeURIComponent(database)}`),
    adminUrl,
    clusterDir: cluster,
    stop,
  };
}
