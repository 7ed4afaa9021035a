import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditServer, type AuditResult } from 'graphql-http';
import { startTestApp, type TestApp } from './harness/index.js';

function describeResults(results: AuditResult[], statuses: string[]): string[] {
  return results
    .filter((r) => statuses.includes(r.status))
    .map((r) => `${r.status} ${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
}

// The GraphQL-over-HTTP audit suite of graphql-http against the real server.
// MUST audits are errors; SHOULD and MAY failures are warnings and notices:
// - SHOULD use 200 on document parsing / validation / variable coercion failure
//   with application/json: Apollo answers request errors with 400.
// - MAY accept GET requests: GETs without a preflight header are refused by
//   Apollo's CSRF prevention (clients send `apollo-require-preflight: true`).
describe('GraphQL over HTTP (graphql-http serverAudits)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports no error', async () => {
    const results = await auditServer({ url: `${t.baseUrl}/graphql` });
    expect(results.length).toBeGreaterThan(40);
    expect(describeResults(results, ['error'])).toEqual([]);
    // pinned, so a new warning shows up in review
    expect(describeResults(results, ['warn']).map((line) => line.split(' ')[1])).toEqual([
      '572B',
      'FDE2',
      '7B9B',
    ]);
  });
});

describe('GraphQL over HTTP in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('fails only the audits that need introspection, which production refuses', async () => {
    const results = await auditServer({ url: `${t.baseUrl}/graphql` });
    const failing = results.filter((r) => r.status === 'error');
    // BF61 and 28B9 query `__type(name: …)`: introspection is off in production
    expect(failing.map((r) => r.id).sort()).toEqual(['28B9', 'BF61']);
    for (const result of failing) {
      // each must fail on an answer of the server (the refusal read below), never before one
      expect(result).toHaveProperty('response');
      if (!('response' in result)) throw new Error(`${result.id} failed without a response`);
      const body = (await result.response.json()) as {
        errors: Array<{ extensions: Record<string, unknown> }>;
      };
      expect(body.errors[0].extensions.validationErrorCode).toBe('INTROSPECTION_DISABLED');
    }
  });
});
