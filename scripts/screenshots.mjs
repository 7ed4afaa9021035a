// Screenshots of the participant pages for README, taken in Chromium from a running server:
//   npm start   (or any server with the demo event), then
//   BASE_URL=http://localhost:3000 node scripts/screenshots.mjs
// Writes docs/screenshots/*.png. It registers one demo participant through the API (for the
// manage page's picture), so run it against a scratch database, not a real event.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const out = process.env.OUT_DIR ?? 'docs/screenshots';
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

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
  '{ events(first: 1) { edges { node { id slug agenda { kind workshops { id } } } } } }',
);
const event = events.edges[0]?.node;
if (!event) throw new Error(`no published event at ${base}`);
const workshopIds = event.agenda
  .filter((item) => item.kind === 'WORKSHOP_PHASE' && item.workshops.length > 0)
  .map((item) => item.workshops[1]?.id ?? item.workshops[0].id);
const { register } = await graphql(
  `
    mutation ($input: RegisterInput!) {
      register(input: $input) {
        __typename
        ... on RegistrationSuccess {
          manageToken
        }
      }
    }
  `,
  {
    input: {
      eventId: event.id,
      participant: {
        firstName: 'Erika',
        lastName: 'Mustermann',
        email: `erika.mustermann+${Date.now()}@beispiel.de`,
        organization: 'Stadt Musterstadt, Jugendamt',
        jobTitle: 'Sozialarbeiterin',
      },
      workshopIds,
      privacyConsent: true,
    },
  },
);
if (register.__typename !== 'RegistrationSuccess') throw new Error(register.__typename);

mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'fachtag-screenshots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  locale: 'de-DE',
  timezoneId: 'Europe/Berlin',
  viewport: { width: 1280, height: 900 },
  // only to hide the scroll bar in the pictures (a style tag the CSP would refuse)
  bypassCSP: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
  ],
});
const page = await context.newPage();
const shot = async (name) => {
  await page.screenshot({ path: join(out, `${name}.png`) });
  process.stdout.write(`${join(out, `${name}.png`)}\n`);
};
/** Desktop: the whole form; narrow screens: the screen at the form's start and at its workshops. */
const formShots = async (suffix, narrow) => {
  const form = page.locator('#anmeldung');
  if (!narrow) {
    await form.screenshot({ path: join(out, `registration-form-${suffix}.png`) });
    process.stdout.write(`${join(out, `registration-form-${suffix}.png`)}\n`);
    return;
  }
  await form.evaluate((el) => el.scrollIntoView({ behavior: 'instant' }));
  await shot(`registration-form-${suffix}`);
  await form
    .getByRole('heading', { name: 'Workshops' })
    .evaluate((el) => el.scrollIntoView({ behavior: 'instant' }));
  await shot(`registration-form-workshops-${suffix}`);
};
const open = async (path) => {
  await page.goto(`${base}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByText('Wird geladen').waitFor({ state: 'detached' });
  await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
  await page.evaluate('document.fonts.ready');
};

for (const [suffix, width, height] of [
  ['desktop', 1280, 900],
  ['320', 320, 720],
]) {
  await page.setViewportSize({ width, height });
  await open('/');
  await shot(`event-list-${suffix}`);
  await open(`/e/${event.slug}`);
  await shot(`event-page-${suffix}`);
  await formShots(suffix, width < 600);
  await open(`/verwalten#${encodeURIComponent(register.manageToken)}`);
  await page.getByText('Mustermann').first().waitFor();
  await shot(`manage-page-${suffix}`);
}
await context.close();
rmSync(profile, { recursive: true, force: true });
