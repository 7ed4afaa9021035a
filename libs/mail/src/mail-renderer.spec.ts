import { describe, expect, it } from '@jest/globals';
import type { MailContext } from './mail-context.js';
import { renderMail } from './mail-renderer.js';

const context = (overrides: Partial<MailContext> = {}): MailContext => ({
  kind: 'registration.confirmed',
  language: 'de',
  timeZone: 'Europe/Berlin',
  participant: { firstName: 'Ayşe', lastName: 'Müller', email: 'ayse@example.org' },
  event: {
    title: 'Transferforum: Wie Zusammenarbeit in der Kommune Integration ermöglicht',
    subtitle: null,
    startsAt: new Date('2018-06-19T07:00:00Z'),
    endsAt: new Date('2018-06-19T14:30:00Z'),
    venue: {
      name: 'KOMED im MediaPark',
      street: 'Im Mediapark 7',
      postalCode: '50670',
      city: 'Köln',
    },
    costNote: 'Die Veranstaltung ist kostenlos.',
    organizerName: 'Deutsche Kinder- und Jugendstiftung',
    contactEmail: 'fachtag@dkjs.example',
    registrationClosesAt: new Date('2018-05-27T21:59:59Z'),
  },
  workshops: [
    {
      phaseTitle: 'Arbeitsphase I',
      number: 5,
      title: 'Von der Schule in den Beruf',
      startsAt: new Date('2018-06-19T09:30:00Z'),
      endsAt: new Date('2018-06-19T11:00:00Z'),
      room: 'Raum 2 <B>',
      hosts: [{ name: 'Dagmar Bremer', affiliation: 'Stadt Magdeburg' }],
    },
  ],
  manageUrl: 'http://localhost:3000/verwalten#tok_abc',
  eventUrl: 'http://localhost:3000/e/transferforum-koeln',
  calendarUrl: 'http://localhost:3000/calendar/registrations/cal_xyz.ics',
  ...overrides,
});

describe('renderMail', () => {
  it('renders a German confirmation with local times, venue, workshops, token and contact', () => {
    const mail = renderMail(context());
    expect(mail.subject).toBe(
      'Anmeldung bestätigt: Transferforum: Wie Zusammenarbeit in der Kommune Integration ermöglicht',
    );
    expect(mail.text).toContain('Guten Tag Ayşe Müller,');
    expect(mail.text).toContain('Datum: Dienstag, 19. Juni 2018');
    expect(mail.text).toContain('Zeit: 09:00 – 16:30 Uhr');
    expect(mail.text).toContain('KOMED im MediaPark, Im Mediapark 7, 50670 Köln');
    expect(mail.text).toContain('Workshop 5 – Von der Schule in den Beruf (Raum 2 <B>)');
    expect(mail.text).toContain('11:30 – 13:00 Uhr');
    expect(mail.text).toContain('Leitung: Dagmar Bremer (Stadt Magdeburg)');
    expect(mail.text).toContain('Ihre Anmeldung: http://localhost:3000/verwalten#tok_abc');
    expect(mail.text).not.toContain('/graphql');
    expect(mail.html).toContain('>Meine Anmeldung verwalten</a>');
    expect(mail.html).toContain('href="http://localhost:3000/verwalten#tok_abc"');
    expect(mail.html).not.toContain('/graphql');
    expect(mail.text).toContain('Kosten: Die Veranstaltung ist kostenlos.');
    expect(mail.text).toContain(
      'Kontakt: Deutsche Kinder- und Jugendstiftung, fachtag@dkjs.example',
    );
    // HTML escapes what came from users
    expect(mail.html).toContain('Raum 2 &lt;B&gt;');
    expect(mail.html).not.toContain('<B>');
  });

  it.each([
    ['de', 'Raum 2'],
    ['de', 'Raum C'],
    ['de', 'Großer Saal'],
    ['en', 'Room 4'],
    ['en', 'Main hall'],
  ])('shows the room %s "%s" as the organizer named it, once', (language, room) => {
    const base = context().workshops[0];
    const mail = renderMail(context({ language, workshops: [{ ...base, room }] }));
    const first = room.split(' ')[0];
    // the room as given, after the workshop: no label put in front of the name
    expect(mail.text).toContain(`Workshop ${base.number} – ${base.title} (${room})`);
    expect(mail.html).toContain(`, ${room}`);
    for (const body of [mail.text, mail.html]) {
      expect(body.split(room).length - 1).toBe(1);
      expect(body).not.toMatch(new RegExp(`(Raum|Room) ${room}`));
      expect(body).not.toContain(`${first} ${first}`);
    }
  });

  it('renders English for en events, in winter time too', () => {
    const mail = renderMail(
      context({
        language: 'en',
        event: {
          ...context().event,
          startsAt: new Date('2026-12-01T08:00:00Z'),
          endsAt: new Date('2026-12-01T15:00:00Z'),
        },
      }),
    );
    expect(mail.subject).toMatch(/^Registration confirmed: /);
    expect(mail.text).toContain('Dear Ayşe Müller,');
    expect(mail.text).toContain('Date: Tuesday, 1 December 2026');
    expect(mail.text).toContain('Time: 09:00 – 16:00');
  });

  it('points to a new link on the event page when no manage link is known', () => {
    const changed = renderMail(
      context({ kind: 'registration.promoted', manageUrl: undefined, calendarUrl: undefined }),
    );
    expect(changed.text).toContain(
      'können Sie einen neuen anfordern: http://localhost:3000/e/transferforum-koeln',
    );
    expect(changed.html).not.toContain('verwalten#');
  });

  it('links cancellations to the event page, never to the manage page', () => {
    const cancelled = renderMail(context({ kind: 'registration.cancelled', byOrganizer: true }));
    expect(cancelled.subject).toMatch(/^Abmeldung bestätigt/);
    expect(cancelled.text).toContain('von den Veranstaltenden storniert');
    expect(cancelled.text).not.toContain('tok_abc');
    expect(cancelled.html).not.toContain('tok_abc');
    expect(cancelled.text).toContain(
      'Zur Veranstaltung: http://localhost:3000/e/transferforum-koeln',
    );
    const eventCancelled = renderMail(context({ kind: 'event.cancelled', reason: 'Unwetter' }));
    expect(eventCancelled.text).toContain('Begründung: Unwetter');
    expect(eventCancelled.text).not.toContain('tok_abc');
    expect(eventCancelled.html).toContain('href="http://localhost:3000/e/transferforum-koeln"');
  });

  it('sends a requested link with the manage button and no calendar note', () => {
    const mail = renderMail(context({ kind: 'registration.link', language: 'en' }));
    expect(mail.subject).toBe(
      'Your registration link: Transferforum: Wie Zusammenarbeit in der Kommune Integration ermöglicht',
    );
    expect(mail.text).toContain('Your registration: http://localhost:3000/verwalten#tok_abc');
    expect(mail.html).toContain('>Manage my registration</a>');
    expect(mail.text).not.toContain('attached calendar file');
  });
});
