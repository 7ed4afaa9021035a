import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'fachtag-config-'));

describe('loadConfig', () => {
  it('has working defaults for a newcomer', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      publicBaseUrl: 'http://localhost:3000',
      databaseUrl: null,
      smtpUrl: null,
      seedDemo: true,
      runWorker: true,
    });
    // the generated JWT secret is kept per data directory, so tokens survive restarts
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(config.jwtSecret);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a port number/],
    [{ PORT: '70000' }, /^PORT must be a port number/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must use one of postgres, postgresql/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ SMTP_URL: 'http://mail' }, /^SMTP_URL must use one of smtp, smtps/],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, /^PUBLIC_BASE_URL must use one of http, https/],
    [{ MAIL_FROM: 'nobody' }, /^MAIL_FROM must be an e-mail address/],
    [{ ORGANIZER_EMAIL: 'x@' }, /^ORGANIZER_EMAIL must be an e-mail address/],
    [{ ORGANIZER_PASSWORD: 'short' }, /^ORGANIZER_PASSWORD must be at least 10/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV must be one of/],
    [{ NODE_ENV: 'production' }, /^JWT_SECRET is required when NODE_ENV=production/],
    [{ JWT_SECRET: 'short' }, /^JWT_SECRET must be at least 32/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ RUN_WORKER: 'maybe' }, /^RUN_WORKER must be true or false/],
    [{ MAIL_RETRY_DELAY_SECONDS: '0' }, /^MAIL_RETRY_DELAY_SECONDS must be a number of seconds/],
    [{ MAIL_POLL_SECONDS: 'soon' }, /^MAIL_POLL_SECONDS must be a number of seconds/],
    [{ RATE_LIMIT_REGISTER_PER_MINUTE: '-1' }, /^RATE_LIMIT_REGISTER_PER_MINUTE must be a whole/],
    [{ RATE_LIMIT_LOGIN_PER_MINUTE: 'many' }, /^RATE_LIMIT_LOGIN_PER_MINUTE must be a whole/],
    [{ RATE_LIMIT_TOKEN_PER_MINUTE: '1.5' }, /^RATE_LIMIT_TOKEN_PER_MINUTE must be a whole/],
    [{ TRUST_PROXY: 'yes please' }, /^TRUST_PROXY must be false, true, a hop count/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^TRUST_PROXY must be false, true, a hop count/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it('accepts a display name in MAIL_FROM and strips a trailing slash of PUBLIC_BASE_URL', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      MAIL_FROM: 'Fachtag Köln <fachtag@stadt-koeln.example>',
      PUBLIC_BASE_URL: 'https://fachtag.example/',
      DATABASE_URL: 'postgres://u@db/fachtag',
    });
    expect(config.mailFrom).toBe('Fachtag Köln <fachtag@stadt-koeln.example>');
    expect(config.publicBaseUrl).toBe('https://fachtag.example');
    expect(config.seedDemo).toBe(false);
  });

  it('has generous rate limits, no trusted proxy, and reads both from the environment', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({
      rateLimits: {
        registerPerMinute: 60,
        loginPerMinute: 20,
        tokenPerMinute: 120,
        manageLinkPerHour: 10,
      },
      trustProxy: false,
    });
    const config = loadConfig({
      DATA_DIR: dataDir(),
      RATE_LIMIT_REGISTER_PER_MINUTE: '0',
      RATE_LIMIT_LOGIN_PER_MINUTE: '5',
      RATE_LIMIT_TOKEN_PER_MINUTE: '1000',
      TRUST_PROXY: '10.0.0.0/8, loopback, 2001:db8::1',
    });
    expect(config.rateLimits).toEqual({
      registerPerMinute: 0,
      loginPerMinute: 5,
      tokenPerMinute: 1000,
      manageLinkPerHour: 10,
    });
    expect(config.trustProxy).toEqual(['10.0.0.0/8', 'loopback', '2001:db8::1']);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('bounds the read cache at 32 MiB unless READ_CACHE_MAX_BYTES says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).readCacheMaxBytes).toBe(32 * 2 ** 20);
    const size = (v: string) =>
      loadConfig({ DATA_DIR: dataDir(), READ_CACHE_MAX_BYTES: v }).readCacheMaxBytes;
    expect(size('0')).toBe(0);
    expect(size('1000000')).toBe(1_000_000);
    expect(size('64MiB')).toBe(64 * 2 ** 20);
    expect(size('512 kib')).toBe(512 * 2 ** 10);
    for (const bad of ['-1', '1.5MiB', '32MB', 'lots', '2000GiB']) {
      expect(() => size(bad)).toThrow(/READ_CACHE_MAX_BYTES must be a size in bytes/);
    }
  });
});
