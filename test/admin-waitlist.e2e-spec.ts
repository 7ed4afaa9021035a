import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { browserAvailable } from './harness/browser.js';
import {
  CONSOLE_TEST_TIMEOUT_MS,
  expectNoAxeViolations,
  startConsole,
  type ConsoleHarness,
} from './harness/console.js';
import { day, eventInput } from './factories/events.js';

// The waiting list on the console's desk (issue 13) in a real Chromium, against the
// production build served by the built API process: seats and waiting wishes per
// workshop, the waiting list in its order, and "Jetzt zulassen" for one person out of
// order (refused while the event is full, then with the organizer's extra seat).
// Elements are found by role, label and visible text; axe checks every state.

const ORGANIZER = { email: 'orga@waitlist.example', password: 'correct horse battery' };

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('the waiting list on the desk in Chromium', () => {
  let h: ConsoleHarness;
  let eventId: string;
  const title = 'Fachtag Kinderschutz';

  beforeAll(async () => {
    h = await startConsole({ organizer: ORGANIZER, demo: false });
    // two seats, one workshop phase: workshop 1 with one seat, workshop 2 with two
    eventId = (
      await h.gql<{ createEvent: { id: string } }>(
        'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        { input: eventInput(60, { title, capacity: 2, waitlistEnabled: true }) },
        h.token,
      )
    ).createEvent.id;
    const at = day(60);
    const phase = (
      await h.gql<{ addAgendaItem: { id: string } }>(
        `mutation ($eventId: ID!, $input: AgendaItemInput!) {
          addAgendaItem(eventId: $eventId, input: $input) { id } }`,
        {
          eventId,
          input: {
            kind: 'WORKSHOP_PHASE',
            title: 'Arbeitsphase I',
            startsAt: at('11:30'),
            endsAt: at('13:00'),
          },
        },
        h.token,
      )
    ).addAgendaItem.id;
    const workshops: string[] = [];
    for (const [name, capacity] of [
      ['Jugendhilfe im Sozialraum', 1],
      ['Schule und Jugendhilfe', 2],
    ] as const) {
      workshops.push(
        (
          await h.gql<{ addWorkshop: { id: string } }>(
            `mutation ($phaseId: ID!, $input: WorkshopInput!) {
              addWorkshop(phaseId: $phaseId, input: $input) { id } }`,
            { phaseId: phase, input: { title: name, capacity } },
            h.token,
          )
        ).addWorkshop.id,
      );
    }
    await h.gql('mutation ($id: ID!) { publishEvent(id: $id) { id } }', { id: eventId }, h.token);
    // two confirmed, then three waiting (wishing workshop 1, 2, 1)
    const people: [string, number][] = [
      ['Anna Berger', 0],
      ['Bernd Vogel', 1],
      ['Jürgen Größe', 0],
      ['Änne Weiß', 1],
      ['Ömer Çelik', 0],
    ];
    for (const [i, [name, w]] of people.entries()) {
      const [firstName, lastName] = name.split(' ');
      const person = {
        firstName,
        lastName,
        email: `person${i}@waitlist.example`,
        organization: 'Jugendamt Düsseldorf',
      };
      expect(await h.register(eventId, person, [workshops[w]])).toBe('RegistrationSuccess');
    }
  }, 120_000);

  afterAll(async () => {
    expect(await h?.close()).toBe(0);
  });

  it(
    'shows seats and waiting per workshop and the list in order; admits one with an extra seat',
    async () => {
      const page = await h.open(`/admin/e/${eventId}`);
      await h.signIn(page);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();

      const seats = page.getByRole('table', { name: 'Plätze und Warteliste je Workshop' });
      const seatsRow = (workshop: string) => seats.getByRole('row').filter({ hasText: workshop });
      const cells = async (workshop: string) =>
        (await seatsRow(workshop).getByRole('cell').allTextContents()).map((c) => c.trim());
      await seatsRow('Jugendhilfe im Sozialraum').waitFor();
      expect(await cells('Jugendhilfe im Sozialraum')).toEqual([
        '1',
        'Arbeitsphase I',
        '',
        '1 von 1',
        '2',
      ]);
      expect(await cells('Schule und Jugendhilfe')).toEqual([
        '2',
        'Arbeitsphase I',
        '',
        '1 von 2',
        '1',
      ]);

      const waiting = page.getByRole('table', { name: 'Warteliste in ihrer Reihenfolge' });
      const order = async () =>
        (await waiting.getByRole('row').allTextContents()).slice(1).map((r) => r.slice(0, 40));
      expect(await page.getByRole('heading', { level: 2, name: 'Warteliste (3)' }).count()).toBe(1);
      const rows = await order();
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatch(/^1\.Größe, Jürgen/);
      expect(rows[1]).toMatch(/^2\.Weiß, Änne/);
      expect(rows[2]).toMatch(/^3\.Çelik, Ömer/);
      await expectNoAxeViolations(page, 'desk with the waiting list');

      // the second in line, out of order: her wish is preselected; the event is full
      await page.getByRole('button', { name: 'Änne Weiß jetzt zulassen' }).click();
      const question = page.getByRole('group', { name: 'Änne Weiß jetzt zulassen' });
      const wish = question.getByRole('radio', {
        name: 'Workshop 2: Schule und Jugendhilfe (1 frei)',
      });
      expect(await wish.isChecked()).toBe(true);
      await question.getByText('Die Veranstaltung ist voll.').waitFor();
      await expectNoAxeViolations(page, 'admit question');

      // without the extra seat the server refuses and nothing changes
      await question.getByRole('button', { name: 'Zulassen und Mail senden' }).click();
      const refusal = question.getByRole('alert');
      await refusal.filter({ hasText: 'kein Platz frei' }).waitFor();
      expect(await page.evaluate('document.activeElement?.textContent ?? ""')).toContain(
        'kein Platz frei',
      );
      await expectNoAxeViolations(page, 'admit refused');

      await question
        .getByRole('checkbox', { name: /^Für diese Person einen Platz zusätzlich schaffen/ })
        .check();
      await question.getByRole('button', { name: 'Zulassen und Mail senden' }).click();
      const done = page
        .getByRole('status')
        .filter({ hasText: 'Änne Weiß ist zugelassen (Workshop 2: Schule und Jugendhilfe).' });
      await done.waitFor();
      expect(await page.evaluate('document.activeElement?.textContent ?? ""')).toContain(
        'Änne Weiß ist zugelassen',
      );
      await page.getByRole('heading', { level: 2, name: 'Warteliste (2)' }).waitFor();
      const after = await order();
      expect(after).toHaveLength(2);
      expect(after[0]).toMatch(/^1\.Größe, Jürgen/);
      expect(after[1]).toMatch(/^2\.Çelik, Ömer/);
      await seatsRow('Schule und Jugendhilfe').getByRole('cell', { name: '2 von 2' }).waitFor();
      expect(await cells('Schule und Jugendhilfe')).toEqual([
        '2',
        'Arbeitsphase I',
        '',
        '2 von 2',
        '0',
      ]);
      await page
        .getByRole('table', { name: 'Anmeldungen' })
        .getByRole('row')
        .filter({ hasText: 'Weiß, Änne' })
        .getByRole('cell', { name: 'Bestätigt' })
        .waitFor();
      await expectNoAxeViolations(page, 'desk after admitting');

      // the server agrees: confirmed, one seat more, the history names the organizer
      const event = await h.gql<{
        event: { capacity: number; seatsTaken: number; waitlistCount: number };
      }>('query ($id: ID!) { event(id: $id) { capacity seatsTaken waitlistCount } }', {
        id: eventId,
      });
      expect(event.event).toEqual({ capacity: 3, seatsTaken: 3, waitlistCount: 2 });
      await page.close();
      // jest.setTimeout inside startConsole (a hook) did not reach this test: 60 s timed out
    },
    CONSOLE_TEST_TIMEOUT_MS,
  );
});
