import { Context, Int, ResolveField, Resolver, Root } from '@nestjs/graphql';
import type { AgendaItem, Event, Workshop } from '@fachtag/events';
import { assertMayManage } from '@fachtag/organizers';
import { capacityStatus, capacityWarning, seatsLeft } from '@fachtag/seating';
import type { GraphQLContext } from '../graphql/context.js';
import { CapacityStatus } from '../graphql/enums.js';
import { AgendaItemModel } from './models/agenda-item.model.js';
import { WorkshopModel } from './models/workshop.model.js';

/** Computed fields of Workshop; the event (threshold, language) comes through a DataLoader. */
@Resolver(() => WorkshopModel)
export class WorkshopFieldsResolver {
  private async event(workshop: Workshop, ctx: GraphQLContext): Promise<Event> {
    const event = await ctx.loaders.eventById.load(workshop.event.id);
    if (!event) throw new Error(`workshop ${workshop.id} has no event`);
    return event;
  }

  private async status(workshop: Workshop, ctx: GraphQLContext): Promise<CapacityStatus> {
    const event = await this.event(workshop, ctx);
    return capacityStatus(workshop.seatsTaken, workshop.capacity, event.capacityWarningThreshold);
  }

  @ResolveField(() => Int, { description: 'Seats still free.' })
  seatsLeft(@Root() workshop: Workshop): number {
    return seatsLeft(workshop.seatsTaken, workshop.capacity) ?? 0;
  }

  @ResolveField(() => CapacityStatus, {
    description: "How full the workshop is, by its event's capacityWarningThreshold.",
  })
  capacityStatus(
    @Root() workshop: Workshop,
    @Context() ctx: GraphQLContext,
  ): Promise<CapacityStatus> {
    return this.status(workshop, ctx);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "Text for participants while FILLING_UP or FULL, in the event's language; null while AVAILABLE.",
  })
  async capacityWarning(
    @Root() workshop: Workshop,
    @Context() ctx: GraphQLContext,
  ): Promise<string | null> {
    const [status, event] = await Promise.all([
      this.status(workshop, ctx),
      this.event(workshop, ctx),
    ]);
    return capacityWarning(status, event.language);
  }

  @ResolveField(() => Int, {
    description:
      'Organizers of this event only: waiting registrations that wish for this workshop (one grouped count per request).',
  })
  async waitingCount(@Root() workshop: Workshop, @Context() ctx: GraphQLContext): Promise<number> {
    const event = await this.event(workshop, ctx);
    assertMayManage(await ctx.auth.organizer(), event.owner.id);
    return ctx.loaders.waitingCountByWorkshopId.load(workshop.id);
  }

  @ResolveField(() => AgendaItemModel, { description: 'The WORKSHOP_PHASE this workshop runs in.' })
  async phase(@Root() workshop: Workshop, @Context() ctx: GraphQLContext): Promise<AgendaItem> {
    const phase = await ctx.loaders.agendaItemById.load(workshop.phase.id);
    if (!phase) throw new Error(`workshop ${workshop.id} has no phase`);
    return phase;
  }
}
