import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { browserAvailable } from './harness/browser.js';
import {
  expectNoAxeViolations,
  startConsole,
  type ConsoleHarness,
  type DemoEvent,
} from './harness/console.js';

// The desk's registrations table of a larger event (issue 13) in a real Chromium:
// the server searches, filters and pages, so a registration beyond the first page is
// found too. Elements are found by role, label and visible text; axe checks each state.

const ORGANIZER = { email: 'orga@pages.example', password: 'correct horse battery' };
const COUNT = 57;
const PAGE = 50;

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('the registrations of a larger event in Chromium', () => {
  let h: ConsoleHarness;
  let demo: DemoEvent;
  // person i is "Nr<i> Köhler" (e-mail person<i-1>@…), registered in this order
  const names = Array.from({ length: COUNT }, (_, i) => `Nr${i + 1} Köhler`);

  beforeAll(async () => {
    h = await startConsole({ organizer: ORGANIZER, demo: true });
    demo = await h.demoEvent();
    await h.registerPeople(demo, names, 'pages.example');
  }, 240_000);

  afterAll(async () => {
    expect(await h?.close()).toBe(0);
  });

  it('pages through all registrations, finds one beyond the first page, filters by workshop', async () => {
    const page = await h.open(`/admin/e/${demo.id}`);
    await h.signIn(page);
    await page.getByRole('heading', { level: 1, name: demo.title }).waitFor();
    const table = page.getByRole('table', { name: 'Anmeldungen' });
    const status = page.getByRole('status').filter({ hasText: /angezeigt/ });
    const pages = page.getByRole('navigation', { name: 'Seiten der Anmeldungen' });
    const previous = pages.getByRole('button', { name: `Vorherige ${PAGE}` });
    const next = pages.getByRole('button', { name: `Nächste ${PAGE}` });

    // first page: the oldest 50, in the order they registered
    await status
      .filter({ hasText: `1–${PAGE} von ${COUNT} passenden Anmeldungen angezeigt` })
      .waitFor();
    await expect(table.getByRole('rowheader').count()).resolves.toBe(PAGE);
    await table.getByRole('rowheader', { name: /^Köhler, Nr1 / }).waitFor();
    await expect(table.getByRole('rowheader', { name: /Nr51 / }).count()).resolves.toBe(0);
    await expect(previous.isDisabled()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'first page');

    // second page: the rest, and back
    await next.click();
    await status
      .filter({ hasText: `${PAGE + 1}–${COUNT} von ${COUNT} passenden Anmeldungen angezeigt` })
      .waitFor();
    await expect(table.getByRole('rowheader').count()).resolves.toBe(COUNT - PAGE);
    await table.getByRole('rowheader', { name: /^Köhler, Nr57 / }).waitFor();
    await expect(next.isDisabled()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'second page');
    await previous.click();
    await status
      .filter({ hasText: `1–${PAGE} von ${COUNT} passenden Anmeldungen angezeigt` })
      .waitFor();

    // the search goes to the server: someone on the second page is found from the first
    const search = page.getByRole('searchbox', { name: /^Suche/ });
    await search.fill('nr55');
    await status.filter({ hasText: `1 von ${COUNT} Anmeldungen angezeigt` }).waitFor();
    await table.getByRole('rowheader', { name: /^Köhler, Nr55 / }).waitFor();
    await expect(table.getByRole('rowheader').count()).resolves.toBe(1);
    await expect(pages.count()).resolves.toBe(0);
    await search.fill('');

    // the workshop filter: everyone holding or wishing for the first phase's first workshop
    const { event } = await h.gql<{
      event: {
        agenda: Array<{ workshops: Array<{ id: string; number: number; title: string }> }>;
      };
    }>('query ($id: ID!) { event(id: $id) { agenda { workshops { id number title } } } }', {
      id: demo.id,
    });
    const phase = event.agenda.find((item) => item.workshops.length > 0)?.workshops ?? [];
    const workshop = phase[0];
    // registerPeople puts person i into workshop i modulo the phase's size
    const holders = names.filter((_, i) => i % phase.length === 0);
    await page
      .getByRole('combobox', { name: 'Workshop' })
      .selectOption({ label: `${workshop.number} ${workshop.title}` });
    await status
      .filter({ hasText: `${holders.length} von ${COUNT} Anmeldungen angezeigt` })
      .waitFor();
    const shown = await table.getByRole('rowheader').allTextContents();
    expect(shown.map((text) => text.replace(/person\d+@.*$/, '').trim()).sort()).toEqual(
      holders.map((name) => name.split(' ').reverse().join(', ')).sort(),
    );
    await expectNoAxeViolations(page, 'workshop filter');
    await page.close();
  });
});
