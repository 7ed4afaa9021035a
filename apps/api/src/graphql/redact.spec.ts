import { describe, expect, it } from '@jest/globals';
import { redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  it('removes e-mail addresses, bearer tokens and token-like strings', () => {
    const text = redactSecrets(
      `insert into "registration" ("email") values ('anna.schmidt+fachtag@stadt-wuppertal.de') - Key (email)=(a@b.example) already exists; Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig; token 6f1c2E9dQk3Zr8-x_Yt0LmNpA4sVb7Wc`,
    );
    expect(text).not.toMatch(/anna|a@b|eyJ|6f1c2E9/);
    expect(text).toContain('[email]');
    expect(text).toContain('Bearer [redacted]');
    expect(text).toContain('[token]');
  });

  it('keeps what helps debugging: ids, paths, words', () => {
    const text =
      'at file:///work/node_modules/@apollo/server/dist/esm/requestPipeline.js:87:29 ' +
      "Event '3f2b8c1e-9d4a-4e6f-a1b2-c3d4e5f6a7b8' at /work/dist/apps/api/src/events/events.service.js:42:13 violates check constraint seats_within_capacity";
    expect(redactSecrets(text)).toBe(text);
  });
});
