import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { calendarContentType } from '@fachtag/calendar';
import { CalendarFeedService } from './calendar-feed.service.js';

/** Calendar files over plain HTTP, for calendar apps to subscribe to or import. */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly feeds: CalendarFeedService) {}

  /** `GET /calendar/events/{slug}.ics`: the public agenda of a published event. */
  @Get('events/:file')
  async eventFeed(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const slug = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : null;
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
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : null;
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
