// Screenshots of the organizers' console for README, taken in Chromium from a running server:
//   npm start   (or any server with the demo event), then
//   BASE_URL=http://localhost:3000 ORGANIZER_EMAIL=… ORGANIZER_PASSWORD=… node scripts/console-screenshots.mjs
// Writes docs/screenshots/console-*.png. It registers three demo participants through the
// API, so run it against a scratch database, not a real event.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const out = process.env.OUT_DIR ?? 'docs/screenshots';
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const email = process.env.ORGANIZER_EMAIL ?? 'organizer@fachtag.localhost';
const password = process.env.ORGANIZER_PASSWORD;
if (!password) throw new Error('set ORGANIZER_PASSWORD (and ORGANIZER_EMAIL) of the server');

async function graphql(query, variables) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const { events } = await graphql(
  '{ events(first: 1) { edges { node { id title agenda { kind title workshops { id } } } } } }',
);
const event = events.edges[0]?.node;
if (!event) throw new Error(`no published event at ${base}`);
const phases = event.agenda.filter((i) => i.kind === 'WORKSHOP_PHASE' && i.workshops.length > 0);
const people = [
  ['Erika', 'Mustermann', 'Stadt Musterstadt, Jugendamt'],
  ['Jürgen', 'Größe', 'Landkreis Görlitz, Bildungsbüro'],
  ['Ayşe', 'Yılmaz', 'Kommunales Integrationszentrum Köln'],
];
for (const [i, [firstName, lastName, organization]] of people.entries()) {
  const { register } = await graphql(
    'mutation ($input: RegisterInput!) { register(input: $input) { __typename } }',
    {
      input: {
        eventId: event.id,
        participant: {
          firstName,
          lastName,
          organization,
          email: `teilnehmer${i}.${Date.now()}@beispiel.de`,
        },
        workshopIds: phases.map((p) => p.workshops[i % p.workshops.length].id),
        privacyConsent: true,
      },
    },
  );
  if (register.__typename !== 'RegistrationSuccess') throw new Error(register.__typename);
}

mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'fachtag-screenshots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  locale: 'de-DE',
  timezoneId: 'Europe/Berlin',
  viewport: { width: 1280, height: 900 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await context.newPage();
const shot = async (name, fullPage = false) => {
  await page.evaluate('document.fonts.ready');
  await page.screenshot({ path: join(out, `${name}.png`), fullPage });
  process.stdout.write(`${join(out, `${name}.png`)}\n`);
};
await page.goto(`${base}/admin`);
await page.getByRole('heading', { level: 1 }).waitFor();
await shot('console-login');
await page.getByRole('textbox', { name: /^E-Mail-Adresse/ }).fill(email);
await page.getByLabel(/^Passwort/).fill(password);
await page.getByRole('button', { name: 'Anmelden' }).click();
await page.getByRole('heading', { level: 1, name: 'Ihre Veranstaltungen' }).waitFor();
await page.getByRole('heading', { level: 2, name: /^Bevorstehend/ }).waitFor();
await shot('console-events');
await page.getByRole('link', { name: event.title }).click();
await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
await page.getByRole('table', { name: 'Anmeldungen' }).waitFor();
await page
  .getByRole('status')
  .filter({ hasText: /angezeigt/ })
  .waitFor();
// the registrations section alone: search, filters and the table
await page.evaluate('document.fonts.ready');
await page
  .locator('section', { has: page.getByRole('heading', { level: 2, name: /^Anmeldungen/ }) })
  .screenshot({ path: join(out, 'console-registrations.png') });
process.stdout.write(`${join(out, 'console-registrations.png')}\n`);
// the programme editor: the keynote (or the first item) opened for editing in place
const item = event.agenda.find((i) => i.kind === 'KEYNOTE') ?? event.agenda[0];
await page.getByRole('button', { name: `„${item.title}“ bearbeiten` }).click();
const editing = page.getByRole('form', { name: `Programmpunkt „${item.title}“ bearbeiten` });
await editing.waitFor();
await page
  .getByRole('heading', { level: 3, name: new RegExp(`: ${item.title.replace(/[()]/g, '.')}$`) })
  .evaluate((h) => h.scrollIntoView({ block: 'start' }));
await shot('console-agenda-edit');
await editing.getByRole('button', { name: 'Abbrechen' }).click();
await page.getByRole('link', { name: /^Angaben zur Veranstaltung bearbeiten/ }).click();
await page.getByRole('heading', { level: 1, name: /bearbeiten$/ }).waitFor();
await shot('console-event-editor');
await page
  .getByRole('heading', { level: 2, name: 'Als neue Veranstaltung kopieren' })
  .scrollIntoViewIfNeeded();
await shot('console-event-copy-cancel');
await page.getByRole('link', { name: 'Ihr Konto' }).click();
await page.getByRole('heading', { level: 1, name: 'Ihr Konto' }).waitFor();
await shot('console-account', true);
await page.getByRole('link', { name: 'Alle Veranstaltungen' }).click();
await page.getByRole('link', { name: event.title }).first().click();
await page.getByRole('heading', { level: 1, name: event.title }).waitFor();
await page.setViewportSize({ width: 320, height: 720 });
await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
await shot('console-event-320');
await context.close();
rmSync(profile, { recursive: true, force: true });
