import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import { formatDate, formatTimeRange, speakerList, venueLines } from './formatting.js';
import type { VenueData } from '@fachtag/events';
import type { NamedWorkshop } from './mail-changes.js';
import type { MailContext } from './mail-context.js';
import type { MailJobKind } from './mail-job.js';

/** A rendered mail body: what a participant reads. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Texts {
  salutation: string;
  labels: Record<string, string>;
  kinds: Record<MailJobKind, { subject: string; intro: string; introByOrganizer?: string }>;
}

interface LanguageTemplates {
  texts: Texts;
  text: string;
  html: string;
}

// Templates are files beside this module (copied into dist by `npm run build`).
const TEMPLATE_DIR = fileURLToPath(new URL('./templates/', import.meta.url));
const cache = new Map<string, LanguageTemplates>();

function templates(language: string): LanguageTemplates {
  const lang = language === 'en' ? 'en' : 'de';
  let found = cache.get(lang);
  if (!found) {
    const read = (file: string) => readFileSync(`${TEMPLATE_DIR}${lang}/${file}`, 'utf8');
    found = {
      texts: JSON.parse(read('texts.json')) as Texts,
      text: read('body.txt.mustache'),
      html: read('body.html.mustache'),
    };
    cache.set(lang, found);
  }
  return found;
}

const plain = (template: string, view: object) =>
  Mustache.render(template, view, {}, { escape: (value: string) => value });

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * What HTML text and double-quoted attributes need; Mustache's default also
 * writes `/` and `=` as entities, which makes links unreadable in the source.
 */
const escapeHtml = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

const ACTIVE_KINDS: MailJobKind[] = [
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.changed',
  'agenda.changed',
  'registration.link',
];

/** Kinds whose mail carries no calendar file. */
const NO_CALENDAR: MailJobKind[] = ['registration.waitlisted', 'registration.link'];

/** `2 „Kreisweites Konzept“` / `2 “Kreisweites Konzept”`, after the word "Workshop". */
const workshopName = (w: NamedWorkshop, language: string) =>
  language === 'en' ? `${w.number} “${w.title}”` : `${w.number} „${w.title}“`;

/** One line per change, e.g. "Arbeitsphase I, Zeit: 11:30 – 13:00 Uhr → 12:00 – 13:30 Uhr". */
function changeLines(ctx: MailContext, labels: Record<string, string>): string[] {
  const { language, timeZone } = ctx;
  const venue = (v: VenueData | null) => venueLines(v).join(', ') || labels.noVenue;
  const lines: string[] = [];
  for (const change of ctx.changes ?? []) {
    switch (change.type) {
      case 'time': {
        const [from, to] = [change.from, change.to].map((s) => ({
          start: new Date(s.startsAt),
          end: new Date(s.endsAt),
        }));
        const day = (x: { start: Date }) => formatDate(x.start, language, timeZone);
        const span = (x: { start: Date; end: Date }) => {
          const range = formatTimeRange(x.start, x.end, language, timeZone);
          return day(from) === day(to) ? range : `${day(x)}, ${range}`;
        };
        lines.push(`${change.label}, ${labels.time}: ${span(from)} → ${span(to)}`);
        break;
      }
      case 'room':
        lines.push(
          `${change.label}, ${labels.room}: ${change.from ?? labels.noRoom} → ${change.to ?? labels.noRoom}`,
        );
        break;
      case 'venue':
        lines.push(`${labels.venue}: ${venue(change.from)} → ${venue(change.to)}`);
        break;
      case 'workshops':
        for (const w of change.dropped) {
          lines.push(`${labels.droppedWorkshop}: Workshop ${w.number}: ${w.title}`);
        }
        for (const w of change.added) {
          lines.push(`${labels.addedWorkshop}: Workshop ${w.number}: ${w.title}`);
        }
        break;
      case 'details':
        lines.push(labels.detailsChanged);
        break;
    }
  }
  return lines;
}

/** Builds the template view: every value formatted in the event's language and time zone. */
function view(ctx: MailContext, t: LanguageTemplates): Record<string, unknown> {
  const { language, timeZone } = ctx;
  const kind = t.texts.kinds[ctx.kind];
  const closesAt = `${formatDate(ctx.event.registrationClosesAt, language, timeZone)}`;
  const fill = (template: string) =>
    plain(template, {
      ...ctx.participant,
      title: ctx.event.title,
      closesAt,
      eventUrl: ctx.eventUrl,
    });
  const active = ACTIVE_KINDS.includes(ctx.kind);
  const lines = changeLines(ctx, t.texts.labels);
  const notWishedLines = (ctx.notWished ?? []).map((n) =>
    plain(n.wished ? t.texts.labels.insteadOf : t.texts.labels.noWish, {
      phase: n.phaseTitle,
      got: workshopName(n.got, language),
      wished: n.wished ? workshopName(n.wished, language) : '',
    }),
  );
  return {
    hasChanges: lines.length > 0,
    changeLines: lines,
    hasNotWished: notWishedLines.length > 0,
    notWishedLines,
    notWishedHow: fill(t.texts.labels.notWishedHow),
    language,
    subject: fill(kind.subject),
    salutation: fill(t.texts.salutation),
    intro: ctx.byOrganizer && kind.introByOrganizer ? kind.introByOrganizer : kind.intro,
    reason: ctx.reason ?? null,
    labels: t.texts.labels,
    manageHow: fill(t.texts.labels.manageHow),
    manageNoLink: fill(t.texts.labels.manageNoLink),
    event: {
      ...ctx.event,
      date: formatDate(ctx.event.startsAt, language, timeZone),
      time: formatTimeRange(ctx.event.startsAt, ctx.event.endsAt, language, timeZone),
      venue: venueLines(ctx.event.venue),
      venueText: venueLines(ctx.event.venue).join(', '),
    },
    hasWorkshops: active && ctx.workshops.length > 0,
    workshopsLabel:
      ctx.kind === 'registration.waitlisted' ? t.texts.labels.wishes : t.texts.labels.workshops,
    workshops: ctx.workshops.map((w) => ({
      ...w,
      time: formatTimeRange(w.startsAt, w.endsAt, language, timeZone),
      hosts: w.hosts.length ? speakerList(w.hosts) : null,
    })),
    showManage: active,
    manageUrl: active ? (ctx.manageUrl ?? null) : null,
    // mails about a cancelled registration or event lead to the event page
    eventUrl: active ? null : ctx.eventUrl,
    calendarUrl: ctx.calendarUrl ?? null,
    hasCalendar: !NO_CALENDAR.includes(ctx.kind),
  };
}

/** Renders subject, plain text and HTML of one mail from its context (pure). */
export function renderMail(ctx: MailContext): RenderedMail {
  const t = templates(ctx.language);
  const v = view(ctx, t);
  return {
    subject: v.subject as string,
    text: plain(t.text, v).replace(/\n{3,}/g, '\n\n'),
    html: Mustache.render(t.html, v, {}, { escape: escapeHtml }),
  };
}
