import { Context, Int, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { eventFeedUrl } from '@fachtag/calendar';
import { APP_CONFIG, type AppConfig } from '@fachtag/config';
import { agendaWarnings, isRegistrationOpen, type AgendaItem, type Event } from '@fachtag/events';
import { capacityStatus, seatsLeft } from '@fachtag/seating';
import { assertMayManage } from '@fachtag/organizers';
import { eventLocale, render } from '@fachtag/common';
import { AgendaItemModel } from '../agenda/models/agenda-item.model.js';
import type { GraphQLContext } from '../graphql/context.js';
import { CapacityStatus } from '../graphql/enums.js';
import { AgendaWarningModel } from './models/agenda-warning.model.js';
import { EventModel } from './models/event.model.js';

/** Computed fields of Event; related rows come through the request's DataLoaders. */
@Resolver(() => EventModel)
export class EventFieldsResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @ResolveField(() => Boolean, {
    description: 'Published, and now is inside registrationOpensAt .. registrationClosesAt.',
  })
  isRegistrationOpen(@Root() event: Event): boolean {
    return isRegistrationOpen(event, new Date());
  }

  @ResolveField(() => Int, { nullable: true, description: 'Null when capacity is null.' })
  seatsLeft(@Root() event: Event): number | null {
    return seatsLeft(event.seatsTaken, event.capacity);
  }

  @ResolveField(() => CapacityStatus, {
    description: 'How full the event is, by its capacity and capacityWarningThreshold.',
  })
  capacityStatus(@Root() event: Event): CapacityStatus {
    return capacityStatus(event.seatsTaken, event.capacity, event.capacityWarningThreshold);
  }

  @ResolveField(() => Int, { description: 'Registrations waiting for a seat.' })
  waitlistCount(@Root() event: Event, @Context() ctx: GraphQLContext): Promise<number> {
    return ctx.loaders.waitlistCountByEventId.load(event.id);
  }

  @ResolveField(() => Int, {
    description:
      'Organizers of this event only: registrations confirmed or waiting (not cancelled).',
  })
  async registrationCount(@Root() event: Event, @Context() ctx: GraphQLContext): Promise<number> {
    assertMayManage(await ctx.auth.organizer(), event.owner.id);
    return ctx.loaders.registrationCountByEventId.load(event.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Why a CANCELLED event was called off, as its participants were told; null otherwise.',
  })
  cancelReason(@Root() event: Event): string | null {
    return event.cancelReason;
  }

  @ResolveField(() => [AgendaItemModel], {
    description:
      'The whole programme in time order, workshop phases with their parallel workshops.',
  })
  agenda(@Root() event: Event, @Context() ctx: GraphQLContext): Promise<AgendaItem[]> {
    ctx.loaders.primeEvent(event);
    return ctx.loaders.agendaByEventId.load(event.id);
  }

  @ResolveField(() => String, {
    description: 'Public calendar file (text/calendar) with the agenda of this event.',
  })
  calendarUrl(@Root() event: Event): string {
    return eventFeedUrl(this.config.publicBaseUrl, event.slug);
  }

  @ResolveField(() => [AgendaWarningModel], {
    description:
      'Organizers of this event only: configuration problems of the agenda (phases with too few seats or no workshops, oversized workshops, rooms used twice).',
  })
  async agendaWarnings(
    @Root() event: Event,
    @Context() ctx: GraphQLContext,
  ): Promise<AgendaWarningModel[]> {
    assertMayManage(await ctx.auth.organizer(), event.owner.id);
    const items = await ctx.loaders.agendaByEventId.load(event.id);
    const workshops = await Promise.all(
      items.map((i) => ctx.loaders.workshopsByPhaseId.load(i.id)),
    );
    const byPhase = new Map(items.map((item, n) => [item.id, workshops[n]]));
    const locale = eventLocale(event.language);
    return agendaWarnings(event, items, (id) => byPhase.get(id) ?? []).map(
      ({ text, ...warning }) => ({ ...warning, message: render(text, locale) }),
    );
  }
}
