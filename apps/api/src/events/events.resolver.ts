import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EventsReader, EventsService, type Event, type EventPage } from '@fachtag/events';
import { requireActor } from '@fachtag/organizers';
import type { GraphQLContext } from '../graphql/context.js';
import { CreateEventInput } from './inputs/create-event.input.js';
import { UpdateEventInput } from './inputs/update-event.input.js';
import { EventConnectionModel } from './models/event-connection.model.js';
import { EventModel } from './models/event.model.js';

const MANAGE =
  'Organizers only (Authorization: Bearer <accessToken>): the owner of the event or an admin.';

@Resolver(() => EventModel)
export class EventsResolver {
  constructor(
    private readonly events: EventsService,
    private readonly reader: EventsReader,
  ) {}

  @Query(() => EventConnectionModel, {
    name: 'events',
    description:
      'Published, not yet finished events, soonest first. Organizers also see their drafts.',
  })
  async listEvents(
    @Context() ctx: GraphQLContext,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: 20,
      description: 'Page size, at most 100.',
    })
    first: number | null,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'endCursor of the previous page.',
    })
    after: string | null,
  ): Promise<EventPage & { pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
    const page = await this.reader.listEvents(
      await ctx.auth.organizer(),
      first ?? 20,
      after ?? null,
    );
    return { ...page, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Query(() => EventConnectionModel, {
    description: `The events the caller may manage (their own; all for admins), drafts, published, cancelled and past ones, soonest first. ${MANAGE}`,
  })
  async managedEvents(
    @Context() ctx: GraphQLContext,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: 100,
      description: 'Page size, at most 100.',
    })
    first: number | null,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'endCursor of the previous page.',
    })
    after: string | null,
    @Args('includePast', {
      type: () => Boolean,
      nullable: true,
      defaultValue: true,
      description: 'False: only events not yet over.',
    })
    includePast: boolean | null,
  ): Promise<EventPage & { pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
    const actor = requireActor(await ctx.auth.organizer());
    const page = await this.reader.listManagedEvents(
      actor,
      first ?? 100,
      after ?? null,
      includePast ?? true,
    );
    return { ...page, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }

  @Query(() => EventModel, {
    nullable: true,
    description:
      'One event by id or slug. Drafts only for organizers; null when not found or not visible.',
  })
  async event(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, nullable: true, description: 'The event id.' }) id: string | null,
    @Args('slug', { type: () => String, nullable: true, description: 'The event slug.' })
    slug: string | null,
  ): Promise<Event | null> {
    return this.events.findVisible(await ctx.auth.organizer(), { id, slug });
  }

  @Mutation(() => EventModel, {
    description: `Creates a DRAFT event owned by the caller. ${MANAGE}`,
  })
  async createEvent(
    @Context() ctx: GraphQLContext,
    @Args('input', { description: 'The fields.' }) input: CreateEventInput,
  ): Promise<Event> {
    return this.events.createEvent(await ctx.auth.organizer(), input);
  }

  @Mutation(() => EventModel, { description: `Changes an event. ${MANAGE}` })
  async updateEvent(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The event.' }) id: string,
    @Args('input', { description: 'The fields.' }) input: UpdateEventInput,
  ): Promise<Event> {
    return this.events.updateEvent(await ctx.auth.organizer(), id, input);
  }

  @Mutation(() => EventModel, {
    description: `Makes a draft public; refused (error code PUBLISHING_BLOCKED, extensions.problems) while an agenda warning blocksPublishing. ${MANAGE}`,
  })
  async publishEvent(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The event.' }) id: string,
  ): Promise<Event> {
    return this.events.publishEvent(await ctx.auth.organizer(), id);
  }

  @Mutation(() => EventModel, {
    description: `Takes a published event back to a draft (a mistake must not stay public); refused (BAD_USER_INPUT naming id) once anybody is registered or waiting, and for a cancelled event. A draft stays a draft. ${MANAGE}`,
  })
  async unpublishEvent(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The event.' }) id: string,
  ): Promise<Event> {
    return this.events.unpublishEvent(await ctx.auth.organizer(), id);
  }

  @Mutation(() => EventModel, {
    description: `A new DRAFT with the whole programme of an event (items, speakers, phases, workshops with rooms, hosts and seats) on another day: every time, the registration window included, moves by whole days in the event's time zone and keeps its wall-clock time (09:30 stays 09:30 across daylight saving changes). No registrations are copied; the caller owns the copy. ${MANAGE}`,
  })
  async copyEvent(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The event to copy.' }) id: string,
    @Args('newStartDate', {
      description: "The copy's first day in the event's time zone, YYYY-MM-DD.",
    })
    newStartDate: string,
    @Args('slug', {
      type: () => String,
      nullable: true,
      description: "The copy's slug; derived from the title and the date when absent.",
    })
    slug: string | null,
  ): Promise<Event> {
    return this.events.copyEvent(await ctx.auth.organizer(), id, newStartDate, slug ?? null);
  }

  @Mutation(() => EventModel, {
    description: `Calls off a published event, keeping the reason. ${MANAGE}`,
  })
  async cancelEvent(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The event.' }) id: string,
    @Args('reason', {
      type: () => String,
      nullable: true,
      description: 'Told to the participants.',
    })
    reason: string | null,
  ): Promise<Event> {
    return this.events.cancelEvent(await ctx.auth.organizer(), id, reason ?? null);
  }
}
