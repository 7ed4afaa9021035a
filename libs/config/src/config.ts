import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { isPlainEmailAddress } from '@fachtag/common';

/** The validated configuration the whole server runs on. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Absolute base URL under which clients reach this server, without trailing slash. */
  publicBaseUrl: string;
  /** Null: start an embedded PostgreSQL with its data in `<dataDir>/postgres`. */
  databaseUrl: string | null;
  /** Null: write outgoing mails as .eml files to `<dataDir>/mail`. */
  smtpUrl: string | null;
  mailFrom: string;
  /** The bare address of MAIL_FROM (without a display name). */
  mailFromAddress: string;
  /** Bare, lower-case address (a display name in ORGANIZER_EMAIL is dropped). */
  organizerEmail: string;
  /** Null: a demo password is generated and printed at start. */
  organizerPassword: string | null;
  jwtSecret: string;
  dataDir: string;
  logLevel: string;
  /** Run the mail job worker inside the API process. */
  runWorker: boolean;
  /** Load the demo event on first start (default: only on the embedded database). */
  seedDemo: boolean;
  /** Serve the benchmark's bare in-memory endpoint (`/bench/static`); never in real deployments. */
  benchEndpoints: boolean;
  /** First retry delay of a temporarily failed mail; doubles per try, capped at 4 h. */
  mailRetryDelaySeconds: number;
  /** How often an idle mail worker looks for new jobs. */
  mailPollSeconds: number;
  /** How long a change mail waits, so that quick successive changes make one mail. */
  mailChangeDelaySeconds: number;
  /** Requests per minute and client address for the rate-limited GraphQL fields; 0 = no limit. */
  rateLimits: RateLimitConfig;
  /**
   * Express `trust proxy`: false (use the socket address), true (trust every hop),
   * a hop count, or the addresses/subnets of trusted proxies.
   */
  trustProxy: TrustProxy;
  /**
   * Memory for the public read cache, in bytes (0 switches it off). One answer
   * larger than an eighth of it is not cached.
   */
  readCacheMaxBytes: number;
}

/** Per-address limits (requests per minute, per API process); 0 switches a limit off. */
export interface RateLimitConfig {
  registerPerMinute: number;
  loginPerMinute: number;
  /** Look-ups by manage token: myRegistration, updateRegistration, cancelRegistration, calendar feeds. */
  tokenPerMinute: number;
  /** requestManageLink per hour, per client address and per e-mail address alike. */
  manageLinkPerHour: number;
}

/** Value for Express' `trust proxy` setting. */
export type TrustProxy = boolean | number | string[];

/** A configuration problem; its message names the variable and fits on one line. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const NODE_ENVS = ['development', 'production', 'test'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function port(env: Env, name: string, fallback: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) {
    throw new ConfigError(`${name} must be a port number between 1 and 65535, got '${raw}'`);
  }
  return n;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} must be a URL (${protocols.join(', ')}), got an unparsable value`,
    );
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(
      `${name} must use one of ${protocols.join(', ')}, got '${parsed.protocol}'`,
    );
  }
  return raw;
}

/** The address of `Name <address>` or of a bare address. */
export function emailAddress(value: string): string {
  return (value.match(/<([^>]+)>\s*$/)?.[1] ?? value).trim();
}

function email(env: Env, name: string, fallback: string): string {
  const value = text(env, name) ?? fallback;
  if (!isPlainEmailAddress(emailAddress(value))) {
    throw new ConfigError(`${name} must be an e-mail address, got '${value}'`);
  }
  return value;
}

function seconds(env: Env, name: string, fallback: number, min: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > 86_400) {
    throw new ConfigError(
      `${name} must be a number of seconds between ${min} and 86400, got '${raw}'`,
    );
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got '${raw}'`);
}

const BYTE_UNITS: Record<string, number> = { '': 1, KIB: 2 ** 10, MIB: 2 ** 20, GIB: 2 ** 30 };

/** A size in bytes: a whole number, optionally with KiB, MiB or GiB. */
function bytes(env: Env, name: string, fallback: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const match = /^(\d{1,12})\s*(kib|mib|gib)?$/i.exec(raw);
  const n = match ? Number(match[1]) * BYTE_UNITS[(match[2] ?? '').toUpperCase()] : NaN;
  if (!Number.isSafeInteger(n) || n > 2 ** 40) {
    throw new ConfigError(
      `${name} must be a size in bytes, optionally with KiB, MiB or GiB (e.g. 32MiB), got '${raw}'`,
    );
  }
  return n;
}

function count(env: Env, name: string, fallback: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw)) {
    throw new ConfigError(`${name} must be a whole number ≥ 0 (0 = no limit), got '${raw}'`);
  }
  return Number(raw);
}

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrSubnet(value: string): boolean {
  if (PROXY_PRESETS.includes(value)) return true;
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function trustProxy(env: Env, name: string): TrustProxy {
  const raw = text(env, name);
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isAddressOrSubnet(entry));
  if (bad !== undefined) {
    throw new ConfigError(
      `${name} must be false, true, a hop count, or proxy addresses/subnets (e.g. 10.0.0.0/8,loopback), got '${bad}'`,
    );
  }
  return entries;
}

/** Reads a secret kept in the data directory, creating it on first use. */
function persistedSecret(dataDir: string, file: string): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * Validates the environment and returns the typed configuration, or throws a
 * {@link ConfigError} naming the first offending variable.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = text(env, 'NODE_ENV') ?? 'development';
  const nodeEnv = NODE_ENVS.find((e) => e === nodeEnvRaw);
  if (!nodeEnv) {
    throw new ConfigError(`NODE_ENV must be one of ${NODE_ENVS.join(', ')}, got '${nodeEnvRaw}'`);
  }
  const production = nodeEnv === 'production';
  const listenPort = port(env, 'PORT', 3000);
  const dataDir = resolve(text(env, 'DATA_DIR') ?? '.data');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres', 'postgresql']) ?? null;
  const publicBaseUrl = (
    url(env, 'PUBLIC_BASE_URL', ['http', 'https']) ?? `http://localhost:${listenPort}`
  ).replace(/\/+$/, '');

  const jwtSecret = text(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters long');
  }
  if (production && jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  }
  const organizerPassword = text(env, 'ORGANIZER_PASSWORD') ?? null;
  if (organizerPassword !== null && organizerPassword.length < 10) {
    throw new ConfigError('ORGANIZER_PASSWORD must be at least 10 characters long');
  }
  const logLevel = text(env, 'LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${logLevel}'`);
  }

  const mailFrom = email(env, 'MAIL_FROM', 'Fachtag <noreply@fachtag.localhost>');
  return {
    nodeEnv,
    port: listenPort,
    publicBaseUrl,
    databaseUrl,
    smtpUrl: url(env, 'SMTP_URL', ['smtp', 'smtps']) ?? null,
    mailFrom,
    mailFromAddress: emailAddress(mailFrom),
    organizerEmail: emailAddress(
      email(env, 'ORGANIZER_EMAIL', 'organizer@fachtag.localhost'),
    ).toLowerCase(),
    organizerPassword,
    jwtSecret: jwtSecret ?? persistedSecret(dataDir, 'jwt-secret'),
    dataDir,
    logLevel,
    runWorker: bool(env, 'RUN_WORKER', true),
    seedDemo: bool(env, 'SEED_DEMO', databaseUrl === null),
    benchEndpoints: bool(env, 'BENCH_ENDPOINTS', false),
    mailRetryDelaySeconds: seconds(env, 'MAIL_RETRY_DELAY_SECONDS', 30, 1),
    mailPollSeconds: seconds(env, 'MAIL_POLL_SECONDS', 1, 0.5),
    mailChangeDelaySeconds: Math.round(seconds(env, 'MAIL_CHANGE_DELAY_SECONDS', 60, 0)),
    rateLimits: {
      // Generous: a whole municipal office registers from one NAT address.
      registerPerMinute: count(env, 'RATE_LIMIT_REGISTER_PER_MINUTE', 60),
      loginPerMinute: count(env, 'RATE_LIMIT_LOGIN_PER_MINUTE', 20),
      tokenPerMinute: count(env, 'RATE_LIMIT_TOKEN_PER_MINUTE', 120),
      // each request sends a mail: a few per hour suffice for someone who lost a link
      manageLinkPerHour: count(env, 'RATE_LIMIT_MANAGE_LINK_PER_HOUR', 10),
    },
    trustProxy: trustProxy(env, 'TRUST_PROXY'),
    readCacheMaxBytes: bytes(env, 'READ_CACHE_MAX_BYTES', 32 * 2 ** 20),
  };
}
