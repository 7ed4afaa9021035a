import { Module } from '@nestjs/common';
import { AgendaService } from './agenda.service.js';
import { EventsReader } from './events-reader.service.js';
import { EventsService } from './events.service.js';

/** Event, agenda and workshop services. */
@Module({
  providers: [EventsService, AgendaService, EventsReader],
  exports: [EventsService, AgendaService, EventsReader],
})
export class EventsModule {}
