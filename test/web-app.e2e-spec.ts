import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchStatus, startTestApp, type TestApp } from './harness/index.js';

/** The participant web app as the API process serves it (the production build in dist/web). */
describe('the web app served by the API process', () => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'true' });
    const data = await t.data<{ events: { edges: Array<{ node: { slug: string } }> } }>(
      '{ events { edges { node { slug } } } }',
    );
    slug = data.events.edges[0].node.slug;
  });
  afterAll(() => t.close());

  const expectSecurityHeaders = (res: Response) => {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  };

  it.each(['/', '/e/SLUG', '/e/SLUG/bestaetigt', '/verwalten'])(
    '%s answers with the app and the security headers',
    async (path) => {
      const res = await fetch(`${t.baseUrl}${path.replace('SLUG', slug)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expectSecurityHeaders(res);
      const html = await res.text();
      expect(html).toContain('<div id="root"></div>');
      // no inline script: every script is a file of our own origin
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body.trim()).toBe('');
        expect(attributes).toMatch(/src="\/assets\/[^"]+\.js"/);
      }
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    },
  );

  it('serves the hashed assets with a long cache and the CSS without third-party URLs', async () => {
    const html = await (await fetch(`${t.baseUrl}/e/${slug}`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const res = await fetch(`${t.baseUrl}${asset}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('immutable');
      expectSecurityHeaders(res);
      // every body is read: an unread one holds its connection open after the server closed
      const body = await res.text();
      if (asset.endsWith('.css')) {
        const urls = [...body.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((m) => m[1]);
        expect(urls.filter((u) => !u.startsWith('data:') && !u.startsWith('/assets/'))).toEqual([]);
        // the bundled fonts are ours
        const fonts = urls.filter((u) => u.endsWith('.woff2'));
        expect(fonts.length).toBeGreaterThan(0);
        const font = await fetch(`${t.baseUrl}${fonts[0]}`);
        expect(font.status).toBe(200);
        expect((await font.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
    }
    expect(await fetchStatus(`${t.baseUrl}/assets/nope.js`)).toBe(404);
  });

  it('keeps /graphql, /health and the calendar feed working, with the headers', async () => {
    const health = await fetch(`${t.baseUrl}/health`);
    expect(health.status).toBe(200);
    expectSecurityHeaders(health);
    await health.text();
    const gql = await t.gql<{ event: { calendarUrl: string } }>(
      'query ($slug: String!) { event(slug: $slug) { calendarUrl } }',
      { slug },
    );
    expect(gql.status).toBe(200);
    const calendar = await fetch(gql.data!.event.calendarUrl);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
  });

  it('does not answer unknown paths with the app', async () => {
    expect(await fetchStatus(`${t.baseUrl}/e/${slug}/unknown`)).toBe(404);
    expect(await fetchStatus(`${t.baseUrl}/index.html`)).toBe(404);
  });
});
