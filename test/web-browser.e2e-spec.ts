import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import type { Locator, Page } from 'playwright-core';
import {
  SmtpSink,
  axeViolations,
  browserAvailable,
  createTestDatabase,
  dropTestDatabase,
  gqlData,
  launchBrowser,
  scrollsHorizontally,
  startProcess,
  type RunningProcess,
  type TestBrowser,
} from './harness/index.js';

// The participant web app in a real Chromium, against the production build served by the
// built API process (dist/apps/api/src/main.js with dist/web), on a fresh database with the
// demo event, mails to a real SMTP server in this process. Elements are found as a user
// finds them: by role, label and visible text.

const ORGANIZER = { email: 'orga@browser.example', password: 'correct horse battery' };
/** requestManageLink per hour (per client address and per e-mail address). */
const LINK_LIMIT = 3;

interface DemoWorkshop {
  id: string;
  number: number;
  capacity: number;
  seatsLeft: number;
}
interface DemoEvent {
  id: string;
  slug: string;
  capacity: number;
  seatsLeft: number;
  agenda: Array<{ kind: string; title: string; workshops: DemoWorkshop[] }>;
}

const available = browserAvailable();
const describeBrowser = available ? describe : describe.skip;

describeBrowser('the web app in Chromium', () => {
  const sink = new SmtpSink();
  let db: { name: string; url: string };
  let api: RunningProcess;
  let chromium: TestBrowser;
  let organizerToken: string;
  let demo: DemoEvent;
  let people = 0;

  const base = () => api.baseUrl;
  const gql = <T>(query: string, variables: Record<string, unknown> = {}, token?: string) =>
    gqlData<T>(base(), query, variables, { token });

  const EVENT_QUERY = `query ($slug: String!) { event(slug: $slug) {
    id slug capacity seatsLeft
    agenda { kind title workshops { id number capacity seatsLeft } } } }`;
  const loadDemo = async (): Promise<DemoEvent> =>
    (await gql<{ event: DemoEvent }>(EVENT_QUERY, { slug: demo.slug })).event;
  const updateEvent = (input: Record<string, unknown>) =>
    gql(
      `mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
      { id: demo.id, input },
      organizerToken,
    );
  const workshop = (event: DemoEvent, number: number): DemoWorkshop => {
    const found = event.agenda.flatMap((i) => i.workshops).find((w) => w.number === number);
    if (!found) throw new Error(`no workshop ${number}`);
    return found;
  };

  const person = () => {
    people += 1;
    return {
      firstName: 'Erika',
      lastName: `Muster${people}`,
      email: `erika.muster${people}@browser.example`,
    };
  };

  /** The next mail to this address, parsed by mailparser. */
  async function nextMail(to: string): Promise<ParsedMail> {
    for (;;) {
      const index = sink.received.findIndex((m) => m.to.includes(to));
      if (index >= 0) return SmtpSink.parse(sink.received.splice(index, 1)[0]);
      await sink.waitFor(sink.received.length + 1);
    }
  }
  const manageLink = (mail: ParsedMail): string => {
    const match = mail.text?.match(/https?:\/\/\S+\/verwalten#[A-Za-z0-9_%-]+/);
    if (!match) throw new Error(`no manage link in: ${mail.text}`);
    return match[0];
  };

  const expectNoAxeViolations = async (page: Page, state: string) => {
    expect({ state, violations: await axeViolations(page) }).toEqual({ state, violations: [] });
  };

  const newPage = async (width = 1280, height = 900): Promise<Page> => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width, height });
    return page;
  };
  const openEvent = async (page: Page) => {
    await page.goto(`${base()}/e/${demo.slug}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  };
  const registrationForm = (page: Page) => page.getByRole('form', { name: 'Anmeldung' });
  const phase = (scope: Locator, title: string) =>
    scope.getByRole('group', { name: title, exact: true });
  const radio = (scope: Locator, phaseTitle: string, number: number) =>
    phase(scope, phaseTitle).getByRole('radio', { name: new RegExp(`^Workshop ${number}:`) });

  /** Fills the form as a mouse user does; `workshops` maps a phase's title to a number. */
  const fillForm = async (
    page: Page,
    who: { firstName: string; lastName: string; email: string },
    workshops: Record<string, number>,
  ) => {
    const form = registrationForm(page);
    await form.getByRole('textbox', { name: /^Vorname/ }).fill(who.firstName);
    await form.getByRole('textbox', { name: /^Nachname/ }).fill(who.lastName);
    await form.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(who.email);
    await form.getByRole('textbox', { name: /^Organisation/ }).fill('Jugendamt Musterstadt');
    for (const [title, number] of Object.entries(workshops)) {
      await radio(form, title, number).check();
    }
    await form.getByRole('checkbox', { name: /Ich bin einverstanden/ }).check();
  };

  beforeAll(async () => {
    await sink.start();
    db = await createTestDatabase();
    api = await startProcess('api', {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      SEED_DEMO: 'true',
      JWT_SECRET: 'browser-secret-browser-secret-browser-0123',
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      LOG_LEVEL: 'warn',
      MAIL_POLL_SECONDS: '0.5',
      // a change mail goes out at once instead of waiting for more changes
      MAIL_CHANGE_DELAY_SECONDS: '0',
      RATE_LIMIT_REGISTER_PER_MINUTE: '0',
      RATE_LIMIT_LOGIN_PER_MINUTE: '0',
      RATE_LIMIT_TOKEN_PER_MINUTE: '0',
      RATE_LIMIT_MANAGE_LINK_PER_HOUR: String(LINK_LIMIT),
    });
    chromium = await launchBrowser();
    const login = await gql<{ login: { accessToken: string } }>(
      `mutation ($email: String!, $password: String!) {
        login(email: $email, password: $password) { ... on LoginSuccess { accessToken } } }`,
      ORGANIZER,
    );
    organizerToken = login.login.accessToken;
    const list = await gql<{ events: { edges: Array<{ node: { slug: string } }> } }>(
      '{ events { edges { node { slug } } } }',
    );
    demo = { slug: list.events.edges[0].node.slug } as DemoEvent;
    demo = await loadDemo();
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    const code = await api?.stop();
    if (db) await dropTestDatabase(db.name);
    await sink.stop();
    expect(code).toBe(0);
  });

  it('lists the demo event at / and leads from there to its page', async () => {
    const page = await newPage();
    await page.goto(`${base()}/`);
    await page.getByRole('heading', { level: 1, name: 'Veranstaltungen' }).waitFor();
    await expectNoAxeViolations(page, 'event list');
    await page.getByRole('link', { name: 'Programm ansehen und anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: /^Transferforum/ }).waitFor();
    expect(page.url()).toBe(`${base()}/e/${demo.slug}`);
    // the event page's facts: venue with its full address, organizer, window, agenda
    const main = page.getByRole('main');
    await main.getByText('Im Mediapark 7').waitFor();
    await main.getByText('50670 Köln').waitFor();
    await main.getByText('Deutsche Kinder- und Jugendstiftung').first().waitFor();
    await main.getByText(/^Anmeldung bis /).waitFor();
    await main.getByRole('heading', { name: 'Programm' }).waitFor();
    await main
      .getByText(/noch 25 von 25 Plätzen frei/)
      .first()
      .waitFor();
    const download = page.getByRole('link', { name: /Kalenderdatei \(\.ics\) herunterladen/ });
    expect(await download.getAttribute('href')).toMatch(/^http:\/\/.+\/calendar\//);
    const subscribe = page.getByRole('link', { name: /im Kalender abonnieren/ });
    expect(await subscribe.getAttribute('href')).toMatch(/^webcal:\/\//);
    await expectNoAxeViolations(page, 'event page with empty form');
    await page.close();
  });

  it('registers through the form, mails the link, changes a workshop and cancels', async () => {
    const page = await newPage();
    await openEvent(page);
    const form = registrationForm(page);
    // an empty submit: the error summary on top, inline errors, nothing sent
    await form.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await summary.waitFor();
    await summary.getByRole('link', { name: 'Geben Sie Ihren Vornamen ein.' }).waitFor();
    await expect(
      form.getByRole('textbox', { name: /^Vorname/ }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expectNoAxeViolations(page, 'form with errors');

    const who = person();
    await fillForm(page, who, { 'Arbeitsphase I': 2, 'Arbeitsphase II': 7 });
    // a double click registers once (one idempotency key per form)
    await form.getByRole('button', { name: 'Verbindlich anmelden' }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Sie sind angemeldet' }).waitFor();
    await page.getByText(/Workshop 2: Ein kreisweites Integrationskonzept/).waitFor();
    await page.getByText(`ist an ${who.email} unterwegs`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'confirmation');

    const confirmation = await nextMail(who.email);
    expect(confirmation.subject).toMatch(/^Anmeldung bestätigt:/);
    await page.goto(manageLink(confirmation));
    await page.getByRole('heading', { level: 1, name: 'Ihre Anmeldung' }).waitFor();
    await page.getByText(`${who.firstName} ${who.lastName}`).waitFor();
    await expectNoAxeViolations(page, 'manage page');

    await page.getByRole('button', { name: 'Angaben oder Workshops ändern' }).click();
    const edit = page.getByRole('form', { name: 'Angaben oder Workshops ändern' });
    expect(await radio(edit, 'Arbeitsphase II', 7).isChecked()).toBe(true);
    await radio(edit, 'Arbeitsphase II', 8).check();
    await expectNoAxeViolations(page, 'manage page, editing');
    await edit.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByText('Ihre Änderungen sind gespeichert.', { exact: false }).waitFor();
    await page.getByText(/Workshop 8: Den Weg junger Geflüchteter/).waitFor();
    expect((await nextMail(who.email)).subject).toMatch(/^Anmeldung geändert:/);

    await page.getByRole('button', { name: 'Anmeldung absagen' }).click();
    await page
      .getByRole('heading', { name: 'Wollen Sie Ihre Anmeldung wirklich absagen?' })
      .waitFor();
    await expectNoAxeViolations(page, 'cancel confirmation');
    await page.getByRole('button', { name: 'Ja, Anmeldung absagen' }).click();
    await page.getByText('Ihre Anmeldung ist abgesagt.', { exact: false }).waitFor();
    await expect(page.getByText('Abgesagt', { exact: true }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'cancelled');
    expect((await nextMail(who.email)).subject).toMatch(/^Abmeldung bestätigt:/);
    await page.close();
  }, 120_000);

  it('goes the whole way with the keyboard alone, with visible focus', async () => {
    const page = await newPage();
    /** Whether the focused element shows a focus indicator (outline or box-shadow). */
    const focusVisible = () =>
      page.evaluate<{ tag: string; visible: boolean }>(`(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return { tag: 'body', visible: true };
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return { tag: el.tagName + ' ' + (el.textContent || el.id).slice(0, 40), visible: outline || s.boxShadow !== 'none' };
      })()`);
    /** Presses Tab until `target` has the focus; every stop on the way shows its focus. */
    const tabTo = async (target: Locator) => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const focus = await focusVisible();
        expect(focus).toEqual({ tag: focus.tag, visible: true });
        const reached = await target.evaluate(
          (el: { ownerDocument: { activeElement: unknown } }) =>
            el === el.ownerDocument.activeElement,
        );
        if (reached) return;
      }
      throw new Error(`Tab never reached ${target.toString()}`);
    };

    await openEvent(page);
    const form = registrationForm(page);
    const who = person();
    await tabTo(form.getByRole('textbox', { name: /^Vorname/ }));
    await page.keyboard.type(who.firstName);
    await page.keyboard.press('Tab');
    await page.keyboard.type(who.lastName);
    await page.keyboard.press('Tab');
    await page.keyboard.type(who.email);
    // the first workshop of each phase gets the focus, the arrow key chooses the next one
    await tabTo(radio(form, 'Arbeitsphase I', 1));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await radio(form, 'Arbeitsphase I', 2).isChecked()).toBe(true);
    expect(await radio(form, 'Arbeitsphase II', 7).isChecked()).toBe(true);
    await tabTo(form.getByRole('checkbox', { name: /Ich bin einverstanden/ }));
    await page.keyboard.press('Space');
    await tabTo(form.getByRole('button', { name: 'Verbindlich anmelden' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sie sind angemeldet' }).waitFor();

    await page.goto(manageLink(await nextMail(who.email)));
    await page.getByRole('heading', { level: 1, name: 'Ihre Anmeldung' }).waitFor();
    await tabTo(page.getByRole('button', { name: 'Angaben oder Workshops ändern' }));
    await page.keyboard.press('Enter');
    const edit = page.getByRole('form', { name: 'Angaben oder Workshops ändern' });
    // the chosen workshop of a phase has the focus of its group
    await tabTo(radio(edit, 'Arbeitsphase II', 7));
    await page.keyboard.press('ArrowDown');
    expect(await radio(edit, 'Arbeitsphase II', 8).isChecked()).toBe(true);
    await tabTo(edit.getByRole('button', { name: 'Änderungen speichern' }));
    await page.keyboard.press('Enter');
    await page.getByText('Ihre Änderungen sind gespeichert.', { exact: false }).waitFor();
    await tabTo(page.getByRole('button', { name: 'Anmeldung absagen' }));
    await page.keyboard.press('Enter');
    await tabTo(page.getByRole('button', { name: 'Ja, Anmeldung absagen' }));
    await page.keyboard.press('Enter');
    await page.getByText('Ihre Anmeldung ist abgesagt.', { exact: false }).waitFor();
    await page.close();
  }, 120_000);

  it('offers the API’s alternatives when a chosen workshop fills up meanwhile', async () => {
    const page = await newPage();
    await openEvent(page);
    const who = person();
    await fillForm(page, who, { 'Arbeitsphase I': 3, 'Arbeitsphase II': 6 });
    // meanwhile workshop 3 fills up: someone takes a seat, the organizer lowers its capacity
    const before = await loadDemo();
    await gql(`mutation ($input: RegisterInput!) { register(input: $input) { __typename } }`, {
      input: {
        eventId: demo.id,
        participant: { firstName: 'Max', lastName: 'Schnell', email: 'max@browser.example' },
        workshopIds: [workshop(before, 3).id, workshop(before, 6).id],
        privacyConsent: true,
      },
    });
    await gql(
      `mutation ($id: ID!) { updateWorkshop(id: $id, input: { capacity: 1 }) { id } }`,
      { id: workshop(before, 3).id },
      organizerToken,
    );

    const form = registrationForm(page);
    await form.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await page
      .getByRole('alert')
      .getByText(/Workshop 3: .* ist inzwischen ausgebucht/)
      .waitFor();
    // nothing typed is lost
    expect(await form.getByRole('textbox', { name: /^Vorname/ }).inputValue()).toBe(who.firstName);
    const alternative = form.getByRole('button', {
      name: /^Stattdessen Workshop 4: .* wählen und anmelden/,
    });
    await alternative.waitFor();
    await expectNoAxeViolations(page, 'workshop full, alternatives offered');
    await alternative.click();
    await page.getByRole('heading', { level: 1, name: 'Sie sind angemeldet' }).waitFor();
    await page.getByText(/Workshop 4: Zusammenarbeit zwischen Haupt- und Ehrenamt/).waitFor();
    expect((await nextMail(who.email)).subject).toMatch(/^Anmeldung bestätigt:/);

    // on the event page the full workshop is marked and cannot be chosen
    await openEvent(page);
    await expect(radio(registrationForm(page), 'Arbeitsphase I', 3).isDisabled()).resolves.toBe(
      true,
    );
    await page.getByText('ausgebucht', { exact: true }).first().waitFor();
    await expectNoAxeViolations(page, 'full workshop on the event page');
    await page.close();
  }, 120_000);

  it('puts a registration on the waiting list when the event is full, and says so', async () => {
    const now = await loadDemo();
    await updateEvent({ capacity: now.capacity - now.seatsLeft, waitlistEnabled: true });
    const page = await newPage();
    await openEvent(page);
    const form = registrationForm(page);
    await form
      .getByText('Wenn Sie sich jetzt anmelden, kommen Sie auf die Warteliste', {
        exact: false,
      })
      .waitFor();
    await expectNoAxeViolations(page, 'waiting list form');
    const who = person();
    // while waiting, a full workshop may be wished
    await fillForm(page, who, { 'Arbeitsphase I': 3, 'Arbeitsphase II': 6 });
    await form.getByRole('button', { name: 'Auf die Warteliste setzen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sie stehen auf der Warteliste' }).waitFor();
    await page.getByText('Ihre Workshopwünsche').waitFor();
    await expectNoAxeViolations(page, 'waiting list confirmation');
    expect((await nextMail(who.email)).subject).toMatch(/^Warteliste:/);
    await page.close();
    await updateEvent({ capacity: now.capacity });
  }, 120_000);

  it('sends a fresh link for "Link verloren?", answers alike for unknown addresses, and shows the rate limit', async () => {
    const page = await newPage();
    const who = person();
    await openEvent(page);
    await fillForm(page, who, { 'Arbeitsphase I': 1, 'Arbeitsphase II': 9 });
    await registrationForm(page).getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sie sind angemeldet' }).waitFor();
    const oldLink = manageLink(await nextMail(who.email));

    await openEvent(page);
    const lost = page.getByRole('form', { name: 'Link verloren?' });
    const send = lost.getByRole('button', { name: 'Neuen Link senden' });
    await send.click();
    await lost
      .getByRole('alert')
      .getByText(/Geben Sie Ihre E-Mail-Adresse ein/)
      .waitFor();
    await expectNoAxeViolations(page, 'lost link, no address');
    const address = lost.getByRole('textbox', { name: /^E-Mail-Adresse Ihrer Anmeldung/ });
    await address.fill(who.email);
    await send.click();
    const sent = lost.getByRole('status').getByText(/Wenn diese Adresse .* angemeldet ist/);
    await sent.waitFor();
    await expectNoAxeViolations(page, 'lost link sent');
    const newLink = manageLink(await nextMail(who.email));
    expect(newLink).not.toBe(oldLink);

    // an unknown address gets the very same answer
    await page.reload();
    await lost
      .getByRole('textbox', { name: /^E-Mail-Adresse Ihrer Anmeldung/ })
      .fill('nobody@browser.example');
    await send.click();
    await lost
      .getByRole('status')
      .getByText(/Wenn diese Adresse .* angemeldet ist/)
      .waitFor();

    // the old link stopped working, the new one works
    await page.goto(oldLink);
    await page.getByText('Dieser Link gilt nicht (mehr).', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'manage page, link no longer valid');
    await page.goto('about:blank');
    await page.goto(newLink);
    await page.getByText(`${who.firstName} ${who.lastName}`).waitFor();

    // registering again with the address offers to send the link again
    await openEvent(page);
    await fillForm(page, who, { 'Arbeitsphase I': 1, 'Arbeitsphase II': 9 });
    const form = registrationForm(page);
    await form.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await page
      .getByRole('alert')
      .getByText(/bereits eine Anmeldung/)
      .waitFor();
    await form.getByRole('button', { name: 'Link erneut zusenden' }).click();
    await form
      .getByRole('status')
      .getByText(/Wenn diese Adresse .* angemeldet ist/)
      .waitFor();
    await expectNoAxeViolations(page, 'already registered, link sent again');
    await nextMail(who.email);

    // the limit is reached: the refusal says so and when to try again
    await lost.getByRole('textbox', { name: /^E-Mail-Adresse Ihrer Anmeldung/ }).fill(who.email);
    await send.click();
    await lost.getByRole('status').getByText('Zu viele Anfragen').waitFor();
    await lost.getByText(/Bitte versuchen Sie es in .* noch einmal/).waitFor();
    await expectNoAxeViolations(page, 'lost link rate limited');
    await page.close();
  }, 120_000);

  it('shows English for an event in English and German again by the switch', async () => {
    await updateEvent({ language: 'en' });
    const page = await newPage();
    await openEvent(page);
    await page.getByRole('heading', { name: 'Registration', exact: true }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page
      .getByRole('form', { name: 'Registration' })
      .getByRole('button', { name: 'Register', exact: true })
      .waitFor();
    await expectNoAxeViolations(page, 'event page in English');
    // the API's own messages follow the page's language
    const lost = page.getByRole('form', { name: 'Lost your link?' });
    await lost.getByRole('textbox').fill('someone@browser.example');
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/graphql')),
      lost.getByRole('button', { name: 'Send a new link' }).click(),
    ]);
    expect(request.headers()['accept-language']).toBe('en');
    await page.getByRole('button', { name: 'Auf Deutsch anzeigen' }).click();
    await page.getByRole('heading', { name: 'Anmeldung', exact: true }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await page.evaluate('localStorage.clear()');
    await page.close();
    await updateEvent({ language: 'de' });
  }, 120_000);

  it('reflows at 320 px width and at 200 % zoom without scrolling sideways', async () => {
    for (const [width, height] of [
      [320, 640],
      [640, 450],
    ]) {
      const page = await newPage(width, height);
      await page.goto(`${base()}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect({ width, page: '/', scrolls: await scrollsHorizontally(page) }).toEqual({
        width,
        page: '/',
        scrolls: false,
      });
      await openEvent(page);
      await registrationForm(page).getByRole('button', { name: 'Verbindlich anmelden' }).click();
      await page.getByRole('alert').first().waitFor();
      expect({ width, page: 'event', scrolls: await scrollsHorizontally(page) }).toEqual({
        width,
        page: 'event',
        scrolls: false,
      });
      if (width === 320) await expectNoAxeViolations(page, 'form with errors at 320 px');
      await page.close();
    }
  }, 120_000);

  it('says when the registration is closed, on the event page and the manage page', async () => {
    const page = await newPage();
    const who = person();
    await openEvent(page);
    await fillForm(page, who, { 'Arbeitsphase I': 1, 'Arbeitsphase II': 10 });
    await registrationForm(page).getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sie sind angemeldet' }).waitFor();
    const link = manageLink(await nextMail(who.email));

    await updateEvent({ registrationClosesAt: new Date(Date.now() - 60_000).toISOString() });
    await openEvent(page);
    await page.getByText('Die Anmeldung ist geschlossen').waitFor();
    await expect(page.getByRole('button', { name: 'Verbindlich anmelden' }).count()).resolves.toBe(
      0,
    );
    await expectNoAxeViolations(page, 'registration closed');
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByText(/lässt sich die Anmeldung nicht mehr ändern oder absagen/).waitFor();
    await expect(page.getByRole('button', { name: 'Anmeldung absagen' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'manage page, closed');
    await page.close();
  }, 120_000);
});
