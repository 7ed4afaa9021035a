import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { browserAvailable } from './harness/browser.js';
import {
  expectNoAxeViolations,
  startConsole,
  type ConsoleHarness,
  type DemoEvent,
} from './harness/console.js';

// The registrations desk of the console (issue 13) in a real Chromium, against the
// production build served by the built API process, on a fresh database with the demo
// event: moving a participant and cancelling with a reason. Elements are found by
// role, label and visible text; axe checks every new state.

const ORGANIZER = { email: 'orga@console.example', password: 'correct horse battery' };
const OTHER = { email: 'other@console.example', password: 'another good password' };

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('the registrations desk in Chromium', () => {
  let h: ConsoleHarness;
  let demo: DemoEvent;
  const people = ['Jürgen Größe', 'Änne Weiß', 'Ömer Çelik'];

  beforeAll(async () => {
    h = await startConsole({ organizer: ORGANIZER, other: OTHER, demo: true });
    demo = await h.demoEvent();
    await h.registerPeople(demo, people, 'console.example');
  }, 120_000);

  afterAll(async () => {
    expect(await h?.close()).toBe(0);
  });

  it('moves a participant after asking, then cancels another with a reason', async () => {
    const page = await h.open(`/admin/e/${demo.id}`);
    await h.signIn(page);
    await page.getByRole('heading', { level: 1, name: demo.title }).waitFor();
    const registrations = page.getByRole('table', { name: 'Anmeldungen' });
    const row = (name: string) => registrations.getByRole('row').filter({ hasText: name });

    await page
      .getByRole('button', { name: 'Änne Weiß in einen anderen Workshop umbuchen' })
      .click();
    const question = page.getByRole('group', { name: 'Änne Weiß umbuchen' });
    const target = question.getByRole('combobox', { name: 'Neuer Workshop' });
    await expectNoAxeViolations(page, 'move question');
    // the first offered workshop the person does not hold: its number is in the option text
    const label = (await target.locator('option').first().textContent()) ?? '';
    const number = /^Workshop (\d+):/.exec(label)?.[1];
    expect(number).toBeDefined();
    await question.getByRole('button', { name: 'Umbuchen und Mail senden' }).click();
    await question.waitFor({ state: 'detached' });
    await row('Weiß, Änne')
      .getByRole('cell')
      .filter({ hasText: new RegExp(`(^|, )${number}(,|$)`) })
      .waitFor();

    await page.getByRole('button', { name: 'Anmeldung von Jürgen Größe absagen' }).click();
    const cancel = page.getByRole('group', {
      name: 'Anmeldung von Jürgen Größe wirklich absagen?',
    });
    const reason = 'Doppelt angemeldet – bitte bei Fragen melden.';
    await cancel.getByRole('textbox', { name: /^Begründung/ }).fill(reason);
    await expectNoAxeViolations(page, 'cancel question with a reason');
    await cancel.getByRole('button', { name: 'Ja, absagen' }).click();
    await row('Größe, Jürgen').getByRole('cell', { name: 'Storniert' }).waitFor();
    await expectNoAxeViolations(page, 'desk after move and cancel');

    // the detail with all data and the history; sending the current mail again
    await page.getByRole('button', { name: 'Details zu Änne Weiß' }).click();
    const detail = page.getByRole('region', { name: /^Anmeldung von Änne Weiß/ });
    await detail
      .getByRole('listitem')
      .filter({ hasText: /Umgebucht durch / })
      .waitFor();
    await detail.getByText('Jugendamt Düsseldorf').waitFor();
    await expectNoAxeViolations(page, 'registration detail');
    await detail.getByRole('button', { name: 'Aktuelle Mail erneut senden' }).click();
    await detail
      .getByRole('listitem')
      .filter({ hasText: /Mail erneut gesendet durch / })
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Die Mail mit einem neuen Link ist unterwegs' })
      .waitFor();
    await expectNoAxeViolations(page, 'registration detail after resending');

    // the server kept who did what, and the reason
    const list = await h.gql<{
      registrations: { edges: Array<{ node: { id: string; lastName: string } }> };
    }>(
      'query ($id: ID!) { registrations(eventId: $id) { edges { node { id lastName } } } }',
      { id: demo.id },
      h.token,
    );
    const id = (last: string) =>
      list.registrations.edges.find((e) => e.node.lastName === last)!.node.id;
    const history = async (registrationId: string) =>
      (
        await h.gql<{ registration: { history: Array<{ kind: string; reason: string | null }> } }>(
          'query ($id: ID!) { registration(id: $id) { history { kind reason } } }',
          { id: registrationId },
          h.token,
        )
      ).registration.history.map((h) => [h.kind, h.reason]);
    expect(await history(id('Weiß'))).toContainEqual(['MOVED', null]);
    expect(await history(id('Größe'))).toContainEqual(['CANCELLED', reason]);
    await page.close();
  });
});
