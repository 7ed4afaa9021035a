import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './harness/index.js';

// localTimesToInstants over HTTP: the server applies the zone's rules, so a console
// in any browser zone enters "09:00 on the event's day" the same way.

let t: TestApp;
const QUERY = `query ($zone: String!, $times: [String!]!) { localTimesToInstants(timeZone: $zone, localTimes: $times) }`;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('localTimesToInstants', () => {
  it('converts with the offset of each day, across a change of daylight saving time', async () => {
    const data = await t.data<{ localTimesToInstants: string[] }>(QUERY, {
      zone: 'Europe/Berlin',
      times: ['2027-06-19T09:00', '2027-01-19T09:00', '2027-10-31T02:30'],
    });
    expect(data.localTimesToInstants).toEqual([
      '2027-06-19T07:00:00.000Z',
      '2027-01-19T08:00:00.000Z',
      '2027-10-31T00:30:00.000Z',
    ]);
  });

  it('names the time that does not exist, and refuses zones that are not IANA zones', async () => {
    const skipped = await t.gql(QUERY, {
      zone: 'Europe/Berlin',
      times: ['2027-03-28T01:00', '2027-03-28T02:30'],
    });
    expect(skipped.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: ['localTimes', '1'],
    });
    expect(skipped.errors?.[0].message).toMatch(/daylight saving time/);
    for (const zone of ['+01:00', 'Mars/Olympus']) {
      const bad = await t.gql(QUERY, { zone, times: ['2027-06-19T09:00'] });
      expect(bad.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: ['timeZone'],
      });
    }
    const many = await t.gql(QUERY, {
      zone: 'Europe/Berlin',
      times: Array(201).fill('2027-06-19T09:00'),
    });
    expect(many.errors?.[0].extensions).toMatchObject({ field: ['localTimes'] });
  });
});
