import { createHash } from 'node:crypto';
import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { calendarContentType } from '@fachtag/calendar';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@fachtag/events';
import { CalendarFeedService, type CalendarFeed } from './calendar-feed.service.js';

/**
 * The name in `{name}.ics` when it has the form of a slug or token, else null: a
 * path segment that no event or registration can have (a NUL character, a lone
 * surrogate, any other text) answers 404 without reaching the database.
 */
function fileStem(file: string, valid: (stem: string) => boolean): string | null {
  const stem = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : null;
  return stem !== null && valid(stem) ? stem : null;
}

const isSlug = (s: string) => s.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(s);
// calendar tokens are base64url (tokens.ts); the bound leaves room for longer ones
const isToken = (s: string) => /^[A-Za-z0-9_-]{1,128}$/.test(s);

/** A strong validator of the file's bytes: equal files, equal tags. */
function entityTag(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 32)}"`;
}

/** The opaque part of an entity tag, for the weak comparison of RFC 9110 §8.8.3.2. */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/**
 * RFC 9110 §13.1.2 and §13.1.3 for a GET: If-None-Match decides when present
 * (any listed tag matches, or `*`); otherwise If-Modified-Since, compared at
 * the one-second precision of HTTP dates. Checked here rather than left to
 * Express, whose freshness check never met the calendar's Last-Modified.
 */
export function notModified(request: Request, etag: string, lastModified: Date): boolean {
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch !== undefined) {
    return noneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * Answers with the calendar file, or with 304 and no body when the client's
 * copy is current. DTSTAMP comes from the last change, so the same data gives
 * the same bytes and the same ETag on every request.
 */
function sendFeed(
  request: Request,
  res: Response,
  feed: CalendarFeed,
  headers: Record<string, string>,
): void {
  const etag = entityTag(feed.body);
  res.set(headers).set('ETag', etag).set('Last-Modified', feed.lastModified.toUTCString());
  if (notModified(request, etag, feed.lastModified)) {
    res.status(304).end();
    return;
  }
  // A Buffer keeps Express from rewriting the Content-Type's parameters.
  res
    .status(200)
    .set('Content-Type', calendarContentType('PUBLISH'))
    .send(Buffer.from(feed.body, 'utf8'));
}

/** Calendar files over plain HTTP, for calendar apps to subscribe to or import. */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  /** `GET /calendar/events/{slug}.ics`: the public agenda of a published event. */
  @Get('events/:file')
  async eventFeed(
    @Param('file') file: string,
    @Req() request: Request,
    @Res() res: Response,
  ): Promise<void> {
    const slug = fileStem(file, isSlug);
    const feed = slug ? await this.feeds.eventFeed(slug) : null;
    if (feed === null) throw new NotFoundException('no published event with this slug');
    // public: any cache may keep it, but asks again (cheap: 304) before using it
    sendFeed(request, res, feed, {
      'Cache-Control': 'no-cache',
      'Content-Disposition': `inline; filename="${slug}.ics"`,
    });
  }

  /**
   * `GET /calendar/registrations/{token}.ics`: a participant's own calendar. The
   * token in the path is a secret: never cached by proxies (`private`), never
   * logged. The subscribing client itself may keep it and revalidate (304).
   */
  @Get('registrations/:file')
  async registrationFeed(
    @Param('file') file: string,
    @Req() request: Request,
    @Res() res: Response,
  ): Promise<void> {
    const token = fileStem(file, isToken);
    const feed = token ? await this.feeds.registrationFeed(token) : null;
    if (feed === null) throw new NotFoundException('no registration with this calendar link');
    sendFeed(request, res, feed, {
      'Cache-Control': 'private, no-cache',
      'Content-Disposition': 'inline; filename="fachtag.ics"',
    });
  }
}
