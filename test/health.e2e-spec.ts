import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cutOffTestDatabase, startTestApp, type TestApp } from './harness/index.js';

describe('the running API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports a reachable database on /health', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 on /health while the database is down, and 200 again once it is back', async () => {
    const name = new URL(t.databaseUrl).pathname.slice(1);
    await cutOffTestDatabase(name);
    try {
      const down = await fetch(`${t.baseUrl}/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'error', database: 'down' });
    } finally {
      await cutOffTestDatabase(name, true);
    }
    // the pool connects afresh: polling for a state, bounded, not a measurement
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      status = (await fetch(`${t.baseUrl}/health`)).status;
    }
    expect(status).toBe(200);
  });

  it('answers GraphQL over HTTP and tags every response with a request id', async () => {
    const res = await t.gql('{ viewer { id } }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ viewer: null });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a caller-supplied request id for correlation', async () => {
    const res = await t.gql('{ viewer { id } }', {}, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });

  it('applied every migration', async () => {
    const { MikroORM } = await import('@mikro-orm/core');
    const pending = await t.app.get(MikroORM).migrator.getPending();
    expect(pending).toEqual([]);
  });
});
