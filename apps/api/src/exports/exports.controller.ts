import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  Headers,
  NotFoundException,
  Param,
  Query,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Response } from 'express';
import { isUuid } from '@fachtag/common';
import {
  buildBadges,
  buildCsv,
  buildRoomLists,
  buildSignInSheet,
  buildXlsx,
  ExportOptionError,
  findWorkshop,
  parseColumns,
  parseStatuses,
  registrationTable,
  selectRegistrations,
  type ExportData,
} from '@fachtag/exports';
import { mayManage, OrganizersService } from '@fachtag/organizers';
import { ExportDataService } from './export-data.service.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The downloads, by file name: what they are and how they are made. */
const FILES = {
  'registrations.csv': { type: 'text/csv; charset=utf-8', name: 'anmeldungen.csv' },
  'registrations.xlsx': {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: 'anmeldungen.xlsx',
  },
  'sign-in-sheet.pdf': { type: 'application/pdf', name: 'unterschriftenliste.pdf' },
  'room-lists.pdf': { type: 'application/pdf', name: 'raumlisten.pdf' },
  'badges.pdf': { type: 'application/pdf', name: 'namensschilder.pdf' },
} as const;
type ExportFile = keyof typeof FILES;

const isExportFile = (file: string): file is ExportFile => Object.hasOwn(FILES, file);

/** Query parameters are single texts; `?a=1&a=2` or `?a[b]=1` is refused, not guessed. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new ExportOptionError(name, `Give "${name}" once, as one comma-separated text.`);
  }
  return value;
}

const NEEDS = ['accessibilityNeeds', 'dietaryNeeds'] as const;

/** `needs=accessibilityNeeds,dietaryNeeds`: the health-related columns, only when asked for. */
function parseNeeds(value: string | undefined): {
  accessibilityNeeds: boolean;
  dietaryNeeds: boolean;
} {
  const names =
    value === undefined || value.trim() === '' ? [] : value.split(',').map((s) => s.trim());
  const bad = names.find((n) => !(NEEDS as readonly string[]).includes(n));
  if (bad !== undefined) {
    throw new ExportOptionError(
      'needs',
      `Unknown value "${bad.slice(0, 40)}"; choose from ${NEEDS.join(', ')}.`,
    );
  }
  return {
    accessibilityNeeds: names.includes('accessibilityNeeds'),
    dietaryNeeds: names.includes('dietaryNeeds'),
  };
}

/**
 * Lists and exports of one event for its organizers, as authenticated
 * downloads: `GET /exports/events/{eventId}/{file}` with
 * `Authorization: Bearer <accessToken>`. 401 without a valid token, 403 for an
 * organizer who may not manage the event, 404 for an unknown event or file,
 * 400 for an option that is not understood (the answer names it).
 */
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly organizers: OrganizersService,
    private readonly exportData: ExportDataService,
  ) {}

  @Get('events/:eventId/:file')
  async download(
    @Param('eventId') eventId: string,
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
    const organizer = token ? await this.organizers.fromAccessToken(token) : null;
    if (!organizer) {
      res.set('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException(
        'Log in as an organizer and send Authorization: Bearer <accessToken>.',
      );
    }
    if (!isExportFile(file)) throw new NotFoundException(`No export named "${file.slice(0, 40)}".`);
    const loaded = isUuid(eventId) ? await this.exportData.load(eventId) : null;
    if (!loaded) throw new NotFoundException('No event with this id.');
    if (!mayManage(organizer, loaded.event.owner.id)) {
      throw new ForbiddenException('Only the organizers of this event may download its lists.');
    }
    const workshopId = single(query, 'workshop') ?? null;
    let body: Buffer;
    let suffix = '';
    try {
      // the option is read and looked up once: an unknown workshop is a 400 naming it
      if (workshopId !== null) suffix = `-workshop-${findWorkshop(loaded.data, workshopId).number}`;
      body = await this.build(file, loaded.data, query, workshopId);
    } catch (error) {
      if (error instanceof ExportOptionError) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          parameter: error.parameter,
          message: error.message,
        });
      }
      throw error;
    }
    const { type, name } = FILES[file];
    const [stem, extension] = name.split('.');
    res
      .status(200)
      .set('Content-Type', type)
      .set('Cache-Control', 'private, no-store')
      .set(
        'Content-Disposition',
        `attachment; filename="${loaded.data.event.slug}-${stem}${suffix}.${extension}"`,
      )
      .send(body);
  }

  private async build(
    file: ExportFile,
    data: ExportData,
    query: Record<string, unknown>,
    workshopId: string | null,
  ): Promise<Buffer> {
    switch (file) {
      case 'registrations.csv':
      case 'registrations.xlsx': {
        const columns = parseColumns(single(query, 'columns'));
        const statuses = parseStatuses(single(query, 'status'));
        const table = registrationTable(
          data,
          selectRegistrations(data, { workshopId, statuses }),
          columns,
        );
        return file === 'registrations.csv'
          ? buildCsv(table, data.event.timeZone)
          : buildXlsx(table, {
              sheet: 'Anmeldungen',
              title: data.event.title,
              timeZone: data.event.timeZone,
            });
      }
      case 'sign-in-sheet.pdf':
        return buildSignInSheet(data, { workshopId });
      case 'room-lists.pdf':
        return buildRoomLists(data, { workshopId, ...parseNeeds(single(query, 'needs')) });
      case 'badges.pdf':
        return buildBadges(data, { workshopId });
    }
  }
}
