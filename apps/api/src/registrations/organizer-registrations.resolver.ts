import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  ManageLinkService,
  OrganizerMovesService,
  Registration,
  RegistrationChangesService,
  RegistrationQueriesService,
  RegistrationStatus,
  RegistrationsService,
} from '@fachtag/registrations';
import { isUuid, msg } from '@fachtag/common';
import type { GraphQLContext } from '../graphql/context.js';
import { errorLocale } from '../graphql/localize.js';
import { RegisterOnBehalfInput } from './inputs/register-on-behalf.input.js';
import { RegisterOnBehalfResult } from './results/register-on-behalf.result.js';
import { MoveRegistrationResult } from './results/move-registration.result.js';
import { PromoteRegistrationResult } from './results/promote-registration.result.js';
import { EventFullError } from './errors/event-full.error.js';
import { ResendRegistrationMailResult } from './results/resend-registration-mail.result.js';
import { InputInvalidError } from './errors/input-invalid.error.js';
import { render } from '@fachtag/common';
import { toRegistrationOrError } from './results/to-result.js';
import { badInput, notFound } from '../graphql/errors.js';
import { RegistrationConnectionModel } from './models/registration-connection.model.js';
import { RegistrationModel } from './models/registration.model.js';
import { requireEventManager, type RequestContext } from './require-event-manager.js';

/** Longest reason an organizer may give for a cancellation (it goes into a mail). */
export const REASON_MAX = 1000;

/** A reason as stored: trimmed, null when empty; BAD_USER_INPUT naming `reason` when too long. */
export function cleanReason(reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? '';
  if (text.length > REASON_MAX)
    throw badInput(['reason'], msg('desk.reasonTooLong', { max: REASON_MAX }));
  return text === '' ? null : text;
}

/** The organizers' view of registrations. */
@Resolver()
export class OrganizerRegistrationsResolver {
  constructor(
    private readonly queries: RegistrationQueriesService,
    private readonly changes: RegistrationChangesService,
    private readonly moves: OrganizerMovesService,
    private readonly links: ManageLinkService,
    private readonly registering: RegistrationsService,
  ) {}

  @Mutation(() => RegisterOnBehalfResult, {
    description:
      'Organizers only: registers someone on their behalf as `register` does (validation, seats, waiting list), also before the opening and after the cutoff, not for a draft or cancelled event. The participant gets the usual mail with the calendar file and the manage link; the history names the organizer.',
  })
  async registerOnBehalf(
    @Context() context: GraphQLContext,
    @Args('eventId', { type: () => ID, description: 'The event.' }) eventId: string,
    @Args('input') input: RegisterOnBehalfInput,
  ): Promise<object> {
    const actor = await requireEventManager(context, eventId);
    const result = await this.registering.registerOnBehalf(
      { ...input, eventId },
      { kind: 'ORGANIZER', organizerId: actor.id },
    );
    const header = context.req.headers['accept-language'];
    return toRegistrationOrError(
      result,
      errorLocale(Array.isArray(header) ? header.join(',') : header),
    );
  }

  @Mutation(() => ResendRegistrationMailResult, {
    description:
      "Organizers only: sends the participant's current mail again (the confirmation with the calendar file, or the waiting list's mail) with a fresh link to the manage page; earlier links stop working.",
  })
  async resendRegistrationMail(
    @Context() context: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The registration.' }) id: string,
  ): Promise<object> {
    const eventId = isUuid(id) ? await this.queries.eventOf(id) : null;
    const actor = await requireEventManager(context, eventId ?? '');
    if (!eventId) throw notFound('Registration', id);
    const header = context.req.headers['accept-language'];
    const locale = errorLocale(Array.isArray(header) ? header.join(',') : header);
    if (!(await this.links.resendCurrent(id, { kind: 'ORGANIZER', organizerId: actor.id })))
      return new InputInvalidError(['id'], render(msg('desk.cancelled', {}), locale));
    return this.queries.load(id);
  }

  @Mutation(() => MoveRegistrationResult, {
    description:
      "Organizers only: moves a participant into another workshop of the same phase (seats when confirmed, the wish while waiting), also after the cutoff; never beyond the workshop's capacity. The participant gets the change mail as for their own changes.",
  })
  async moveRegistration(
    @Context() context: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The registration.' }) id: string,
    @Args('workshopId', {
      type: () => ID,
      description: 'The workshop to move into; it replaces the one of its phase.',
    })
    workshopId: string,
  ): Promise<object> {
    const result = await this.moves.move(id, workshopId, async (eventId) => {
      const actor = await requireEventManager(context, eventId);
      return { kind: 'ORGANIZER', organizerId: actor.id };
    });
    const header = context.req.headers['accept-language'];
    return toRegistrationOrError(
      result,
      errorLocale(Array.isArray(header) ? header.join(',') : header),
    );
  }

  @Mutation(() => PromoteRegistrationResult, {
    description:
      "Organizers only: confirms a waiting participant now, out of the waiting list's order, into the chosen workshops (one per workshop phase), also after the cutoff. Never beyond a capacity: when the event or a chosen workshop is full it refuses, unless addSeats raises that capacity by exactly the seat this participant takes. The participant gets the promotion mail with the calendar file (CONFIRMED); the history names the organizer.",
  })
  async promoteRegistration(
    @Context() context: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The waiting registration.' }) id: string,
    @Args('workshopIds', {
      type: () => [ID],
      nullable: true,
      description:
        'One workshop per workshop phase; null: the workshops the participant wished for.',
    })
    workshopIds: string[] | null,
    @Args('addSeats', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description:
        "When the event or a chosen workshop has no seat left, raise its capacity to make room for exactly this participant (the organizer's decision, as in the editor). False: refuse instead.",
    })
    addSeats: boolean | null,
  ): Promise<object> {
    const result = await this.moves.promote(
      id,
      workshopIds ?? null,
      addSeats ?? false,
      async (eventId) => {
        const actor = await requireEventManager(context, eventId);
        return { kind: 'ORGANIZER', organizerId: actor.id };
      },
    );
    const header = context.req.headers['accept-language'];
    const locale = errorLocale(Array.isArray(header) ? header.join(',') : header);
    // the participants' text speaks of a missing waiting list; here the list is the point
    if (!result.ok && result.failure.kind === 'EVENT_FULL')
      return new EventFullError(render(msg('desk.noSeat', {}), locale));
    return toRegistrationOrError(result, locale);
  }

  @Query(() => RegistrationConnectionModel, {
    description: 'Organizers only: the registrations of one event.',
  })
  async registrations(
    @Context() context: RequestContext,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('status', { type: () => RegistrationStatus, nullable: true })
    status: RegistrationStatus | null,
    @Args('search', {
      type: () => String,
      nullable: true,
      description:
        'Words that must each occur in the first or last name, e-mail address or organisation (case-insensitive).',
    })
    search: string | null,
    @Args('workshopId', {
      type: () => ID,
      nullable: true,
      description: 'Only registrations holding (or, waiting, wishing for) this workshop.',
    })
    workshopId: string | null,
  ): Promise<RegistrationConnectionModel> {
    await requireEventManager(context, eventId);
    if (!isUuid(eventId)) throw notFound('Event', eventId);
    const size = first ?? 50;
    if (size < 1 || size > 200) throw badInput(['first'], msg('input.first', { min: 1, max: 200 }));
    if (search && search.length > 200)
      throw badInput(['search'], msg('input.tooLong', { field: 'search', max: 200 }));
    if (workshopId && !isUuid(workshopId)) throw notFound('Workshop', workshopId);
    const page = await this.queries.list(eventId, size, after ?? null, {
      status: status ?? null,
      search: search ?? null,
      workshopId: workshopId ?? null,
    });
    return {
      edges: page.edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }

  @Query(() => RegistrationModel, {
    nullable: true,
    description:
      "Organizers of the registration's event only: one registration with all its data and history; null when the id is unknown.",
  })
  async registration(
    @Context() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Registration | null> {
    const eventId = isUuid(id) ? await this.queries.eventOf(id) : null;
    // anonymous callers learn nothing about which ids exist
    await requireEventManager(context, eventId ?? '');
    return eventId ? this.queries.load(id) : null;
  }

  @Query(() => [RegistrationModel], {
    description:
      'Organizers only: the waiting list of one event in its order (the first is promoted first).',
  })
  async waitingList(
    @Context() context: RequestContext,
    @Args('eventId', { type: () => ID }) eventId: string,
  ): Promise<Registration[]> {
    await requireEventManager(context, eventId);
    // an admin passes the check for any id; a malformed one is not found, never a 5xx
    if (!isUuid(eventId)) throw notFound('Event', eventId);
    return this.queries.waitingList(eventId);
  }

  @Mutation(() => RegistrationModel, {
    description:
      'Organizers only: cancels a registration, also after the cutoff; the participant is told by e-mail (with the reason, if given) and the seat goes to the waiting list.',
  })
  async cancelRegistrationAsOrganizer(
    @Context() context: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', {
      type: () => String,
      nullable: true,
      description: 'Why, in words for the participant: the cancellation mail carries it.',
    })
    reason: string | null,
  ): Promise<Registration> {
    await requireEventManager(context, ''); // signed in, before input is judged
    const cleaned = cleanReason(reason);
    const registration = await this.changes.cancelAsOrganizer(
      id,
      async (eventId) => {
        const actor = await requireEventManager(context, eventId);
        return { kind: 'ORGANIZER', organizerId: actor.id };
      },
      cleaned,
    );
    if (!registration) throw notFound('Registration', id);
    return registration;
  }
}
