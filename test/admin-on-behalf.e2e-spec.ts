import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { browserAvailable } from './harness/browser.js';
import {
  expectNoAxeViolations,
  startConsole,
  type ConsoleHarness,
  type DemoEvent,
} from './harness/console.js';

// "Person anmelden" on the registrations desk (issue 13) in a real Chromium, against the
// built API process with the demo event, whose registration closed yesterday, and a
// real mail worker: the organizer registers someone on their behalf, sees her in the
// table, her mail arrives; the same address again is refused at its field; axe on
// the empty form, the form with errors and after success.

const ORGANIZER = { email: 'orga@behalf.example', password: 'correct horse battery' };
const ZOE = { firstName: 'Zoë', lastName: 'Müller-Lüdenscheidt', email: 'zoe@behalf.example' };

const describeBrowser = browserAvailable() ? describe : describe.skip;

describeBrowser('registering someone on their behalf at the desk in Chromium', () => {
  let h: ConsoleHarness;
  let demo: DemoEvent;

  beforeAll(async () => {
    h = await startConsole({ organizer: ORGANIZER, demo: true, mail: true });
    demo = await h.demoEvent();
    // participants are refused from now on; organizers may still register people
    await h.gql(
      'mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }',
      { id: demo.id, input: { registrationClosesAt: new Date(Date.now() - 86_400_000) } },
      h.token,
    );
  }, 120_000);

  afterAll(async () => {
    expect(await h?.close()).toBe(0);
  });

  /** Opens the form and fills in Zoë with the first workshop of each phase and consent. */
  const fillIn = async (page: Page): Promise<Locator> => {
    await page.getByRole('button', { name: 'Person anmelden' }).click();
    const form = page.getByRole('form', { name: 'Person anmelden' });
    await form.getByRole('textbox', { name: /^Vorname/ }).fill(ZOE.firstName);
    await form.getByRole('textbox', { name: /^Nachname/ }).fill(ZOE.lastName);
    await form.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(ZOE.email);
    await form.getByRole('textbox', { name: /^Organisation/ }).fill('Stadt Lüdenscheid');
    const phases = form.getByRole('group').filter({ has: page.getByRole('radio') });
    for (let i = 0; i < demo.phases.length; i++) {
      await phases.nth(i).getByRole('radio').first().check();
    }
    await form.getByRole('checkbox', { name: /^Die Person ist einverstanden/ }).check();
    return form;
  };

  it('registers Zoë Müller-Lüdenscheidt after the cutoff, shows her in the table and mails her; the same address again is refused at its field', async () => {
    const page = await h.open(`/admin/e/${demo.id}`);
    await h.signIn(page);
    await page.getByRole('heading', { level: 1, name: demo.title }).waitFor();

    await page.getByRole('button', { name: 'Person anmelden' }).click();
    const form = page.getByRole('form', { name: 'Person anmelden' });
    await form.getByRole('textbox', { name: /^Vorname/ }).waitFor();
    await expectNoAxeViolations(page, 'empty form');
    await form.getByRole('button', { name: 'Anmelden und Mail senden' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await summary.getByRole('link', { name: 'Geben Sie den Vornamen der Person ein.' }).waitFor();
    await summary
      .getByRole('link', { name: /^Bestätigen Sie, dass die Person .* einverstanden ist\.$/ })
      .waitFor();
    await expectNoAxeViolations(page, 'form with errors');
    await form.getByRole('button', { name: 'Abbrechen' }).click();

    await fillIn(page);
    await form.getByRole('button', { name: 'Anmelden und Mail senden' }).click();
    const done = page
      .getByRole('status')
      .filter({ hasText: 'Zoë Müller-Lüdenscheidt ist angemeldet (bestätigt).' });
    await done.waitFor();
    // focus moved to the message
    await expect(
      page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""'),
    ).resolves.toContain('Zoë Müller-Lüdenscheidt ist angemeldet');
    await page
      .getByRole('table', { name: 'Anmeldungen' })
      .getByRole('row')
      .filter({ hasText: 'Müller-Lüdenscheidt, Zoë' })
      .getByRole('cell', { name: 'Bestätigt' })
      .waitFor();
    await expectNoAxeViolations(page, 'after success');

    const mail = await h.nextMail(ZOE.email);
    expect(mail.text).toContain('Zoë');
    expect(mail.text).toContain(demo.title);

    // the same address again: the error is at the e-mail field, linked from the summary
    const again = await fillIn(page);
    await again.getByRole('button', { name: 'Anmelden und Mail senden' }).click();
    await summary
      .getByRole('link', {
        name: /^Mit dieser E-Mail-Adresse ist bereits jemand zu dieser Veranstaltung angemeldet/,
      })
      .click();
    const email = again.getByRole('textbox', { name: /^E-Mail-Adresse/ });
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate<string>('document.activeElement.id')).resolves.toBe('email');
    await expectNoAxeViolations(page, 'duplicate e-mail');

    // the server kept one registration for her, made by the organizer
    const list = await h.gql<{
      registrations: {
        edges: Array<{ node: { email: string; history: Array<{ actor: string }> } }>;
      };
    }>(
      'query ($id: ID!) { registrations(eventId: $id) { edges { node { email history { actor } } } } }',
      { id: demo.id },
      h.token,
    );
    const hers = list.registrations.edges.filter((e) => e.node.email === ZOE.email);
    expect(hers.map((e) => e.node.history[0]?.actor)).toEqual(['ORGANIZER']);
    await page.close();
  });
});
