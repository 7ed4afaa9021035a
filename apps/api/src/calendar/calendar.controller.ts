import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { calendarContentType } from '@fachtag/calendar';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@fachtag/events';
import { CalendarFeedService } from './calendar-feed.service.js';

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

/** Calendar files over plain HTTP, for calendar apps to subscribe to or import. */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  /** `GET /calendar/events/{slug}.ics`: the public agenda of a published event. */
  @Get('events/:file')
  async eventFeed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const slug = fileStem(file, isSlug);
    const body = slug ? await this.feeds.eventFeed(slug) : null;
    if (body === null) throw new NotFoundException('no published event with this slug');
    // A Buffer keeps Express from rewriting the Content-Type's parameters.
    res
      .status(200)
      .set('Content-Type', calendarContentType('PUBLISH'))
      .set('Content-Disposition', `inline; filename="${slug}.ics"`)
      .send(Buffer.from(body, 'utf8'));
  }

  /**
   * `GET /calendar/registrations/{token}.ics`: a participant's own calendar. The
   * token in the path is a secret: never cached by proxies, never logged.
   */
  @Get('registrations/:file')
  async registrationFeed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const token = fileStem(file, isToken);
    const body = token ? await this.feeds.registrationFeed(token) : null;
    if (body === null) throw new NotFoundException('no registration with this calendar link');
    res
      .status(200)
      .set('Content-Type', calendarContentType('PUBLISH'))
      .set('Cache-Control', 'private, no-store')
      .set('Content-Disposition', 'inline; filename="fachtag.ics"')
      .send(Buffer.from(body, 'utf8'));
  }
}
