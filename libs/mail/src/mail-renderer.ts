import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import { formatDate, formatTimeRange, speakerList, venueLines } from './formatting.js';
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
  return {
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
