import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/core';
import { MailQueue } from '@fachtag/mail';
import { sql } from '@fachtag/database';
import { startTestApp, type TestApp } from './harness/index.js';

describe('the mail queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RUN_WORKER: 'false' });
  });
  afterAll(() => t.close());

  const jobs = async () => {
    const em = t.app.get(MikroORM).em.fork();
    return sql<{ data: { registrationId: string } }>(
      em,
      `select data from pgboss.job where name = 'mail' order by created_on`,
    );
  };

  it('keeps a job enqueued in a committed transaction and none of a rolled-back one', async () => {
    const orm = t.app.get(MikroORM);
    const queue = t.app.get(MailQueue);
    await orm.em.fork().transactional(async (em) => {
      await queue.enqueue(em, { kind: 'registration.confirmed', registrationId: 'committed' });
    });
    await expect(
      orm.em.fork().transactional(async (em) => {
        await queue.enqueue(em, { kind: 'registration.confirmed', registrationId: 'rolled-back' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await jobs()).map((j) => j.data.registrationId)).toEqual(['committed']);
  });
});
