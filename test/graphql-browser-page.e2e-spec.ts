import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchStatus, startTestApp, type TestApp } from './harness/index.js';

/** What Chromium sends when a person types the address into the location bar. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe.each(['production', 'development'])('GET /graphql from a browser (%s)', (nodeEnv) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: nodeEnv });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers a page, not a JSON refusal: GraphiQL in development, an explanation in production', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/); // no third-party origin
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    if (nodeEnv === 'production') {
      expect(html).toContain('<html lang="de">');
      expect(html).toContain('POST');
      expect(html).toContain('href="/"');
      expect(html).not.toContain('GraphiQL');
      return;
    }
    expect(html).toContain('<title>Fachtag API: GraphiQL</title>');
    // every script and style comes from our own bundle, and is served
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/graphiql\/assets\//);
      expect(await fetchStatus(`${t.baseUrl}${asset}`)).toBe(200);
    }
  });

  it('leaves programs that ask for JSON to the GraphQL server', async () => {
    const res = await fetch(`${t.baseUrl}/graphql?query=%7B__typename%7D`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('leaves curl (Accept: */*) to the GraphQL server', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: '*/*' } });
    expect(res.headers.get('content-type')).toMatch(/json/);
    await res.text();
  });

  it('still answers POST', async () => {
    const res = await t.gql('{ __typename }');
    expect(res.data).toEqual({ __typename: 'Query' });
  });
});
