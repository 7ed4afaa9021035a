import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The OS user a root process runs PostgreSQL as (PostgreSQL refuses to run as root). */
export interface RunAs {
  uid: number;
  gid: number;
}

/**
 * Where a root process keeps what the `postgres` OS user must reach when the
 * checkout cannot be entered by it (a clone in /root, a `mktemp -d`): a copy of
 * the binaries and the cluster. Root-owned 0755 and outside any world-writable
 * directory, so no other local user can plant files there; persistent across
 * reboots, unlike /tmp. Overridable for tests and read-only systems.
 */
export function rootRuntimeBase(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.FACHTAG_EMBEDDED_PG_DIR ?? '/var/lib/fachtag/postgres');
}

/** A problem in preparing the embedded PostgreSQL, already phrased as one line for the user. */
export class EmbeddedStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedStartError';
  }
}

const WHAT_TO_DO =
  'run as a normal user, clone into a directory other users may enter, or set DATABASE_URL';

function idOf(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
}

/** The ids of the OS user `postgres`, created (with its group) when missing. */
export function postgresOsUser(): RunAs {
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    // no such user yet
  }
  try {
    const groupExists = spawnSync('getent', ['group', 'postgres']).status === 0;
    if (!groupExists) execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--no-create-home', '-g', 'postgres', 'postgres'], {
      stdio: 'pipe',
    });
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new EmbeddedStartError(
      `PostgreSQL does not run as root and the OS user 'postgres' could not be created (${reason}); ${WHAT_TO_DO}`,
    );
  }
}

/** True when `user` may do `test <flags>` on `path`: the kernel's own answer, every parent included. */
function userMay(user: RunAs, test: string, path: string): boolean {
  const result = spawnSync('/bin/sh', ['-c', `test ${test} "$1"`, 'sh', path], {
    uid: user.uid,
    gid: user.gid,
    stdio: 'ignore',
  });
  return result.status === 0;
}

/**
 * The binaries' directory (`native/` with bin, lib, share) as `user` can run
 * them: the installed one when reachable, else a root-owned copy under `base`,
 * made once per version (copied beside, then renamed into place: atomic).
 */
export function reachableBinaries(nativeDir: string, user: RunAs, base: string): string {
  if (userMay(user, '-x', join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const version = (
    JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const target = join(base, 'binaries', version);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    prepareBase(join(base, 'binaries'));
    const partial = `${target}.partial-${process.pid}`;
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    try {
      renameSync(partial, target);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another process was first
    }
  }
  if (!userMay(user, '-x', join(target, 'bin', 'postgres'))) {
    throw new EmbeddedStartError(
      `the OS user 'postgres' cannot run the PostgreSQL binaries, not even the copy in ${target}; ${WHAT_TO_DO}`,
    );
  }
  return target;
}

/**
 * Creates `dir` and its missing parents 0755. Refuses a directory another user
 * could swap or fill: `dir` itself no symlink, and it and every parent root-owned
 * and writable by nobody else (a sticky one like /tmp excepted).
 */
function prepareBase(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    for (let d = dir; ; d = dirname(d)) {
      const stat = d === dir ? lstatSync(d) : statSync(d);
      const othersWrite = (stat.mode & 0o022) !== 0 && (stat.mode & 0o1000) === 0;
      if (stat.isSymbolicLink() || stat.uid !== 0 || othersWrite) {
        throw new Error(`${d} is a link, not root's, or writable by others`);
      }
      if (d === dirname(d)) break;
    }
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new EmbeddedStartError(
      `the embedded PostgreSQL needs a directory the OS user 'postgres' can enter, and ${dir} cannot be used (${reason}); set FACHTAG_EMBEDDED_PG_DIR to another, ${WHAT_TO_DO}`,
    );
  }
}

function isEmptyDir(path: string): boolean {
  return readdirSync(path).length === 0;
}

/**
 * The cluster directory `user` runs on. `<dir>/cluster` when the user can reach
 * it; else one under `base` (named by a hash of `dir`, so the same data
 * directory finds it again), with `<dir>/cluster` a symlink to it for people
 * looking. PostgreSQL gets the real path: it could not follow the link.
 */
export function reachableCluster(dir: string, user: RunAs, base: string): string {
  const link = join(dir, 'cluster');
  const stat = lstatOrNull(link);
  let cluster = link;
  if (stat?.isSymbolicLink()) {
    cluster = resolve(dirname(link), readlinkTarget(link));
  } else if (!userMay(user, '-x', dir)) {
    if (stat && !(stat.isDirectory() && isEmptyDir(link))) {
      throw new EmbeddedStartError(
        `the OS user 'postgres' cannot enter ${dir}, where a cluster lies already; move it, ${WHAT_TO_DO}`,
      );
    }
    if (stat) rmdirSync(link); // left empty by an earlier failed start
    prepareBase(join(base, 'clusters'));
    cluster = join(
      base,
      'clusters',
      createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16),
    );
    symlinkSync(cluster, link);
  }
  if (!existsSync(join(cluster, 'PG_VERSION'))) {
    mkdirSync(cluster, { recursive: true, mode: 0o700 });
    chownSync(cluster, user.uid, user.gid);
  }
  return cluster;
}

function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function readlinkTarget(link: string): string {
  try {
    return realpathSync(link);
  } catch {
    // dangling (the copy under base was removed): start afresh there
    return readlinkSync(link);
  }
}
