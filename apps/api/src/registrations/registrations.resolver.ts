import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { eventLocale, isUuid, msg, render, type Locale } from '@fachtag/common';
import type { GraphQLContext } from '../graphql/context.js';
import { errorLocale } from '../graphql/localize.js';
import {
  ManageLinkService,
  Registration,
  RegistrationChangesService,
  RegistrationQueriesService,
  RegistrationsService,
} from '@fachtag/registrations';
import { InputInvalidError } from './errors/input-invalid.error.js';
import { RegisterInput } from './inputs/register.input.js';
import { RequestManageLinkInput } from './inputs/request-manage-link.input.js';
import { ManageLinkRequested } from './models/manage-link-requested.model.js';
import { UpdateRegistrationInput } from './inputs/update-registration.input.js';
import { RegistrationModel } from './models/registration.model.js';
import { CancelRegistrationResult } from './results/cancel-registration.result.js';
import { RegisterResult } from './results/register.result.js';
import { RequestManageLinkResult } from './results/request-manage-link.result.js';
import { toRegisterResult, toRegistrationOrError } from './results/to-result.js';
import { UpdateRegistrationResult } from './results/update-registration.result.js';

/** The participants' API: anonymous, authorised by the manage token for existing registrations. */
@Resolver()
export class RegistrationsResolver {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly changes: RegistrationChangesService,
    private readonly queries: RegistrationQueriesService,
    private readonly manageLinks: ManageLinkService,
  ) {}

  @Query(() => RegistrationModel, {
    nullable: true,
    description:
      "A participant's own registration, found by the secret token from the registration result and the confirmation e-mail.",
  })
  myRegistration(@Args('manageToken') manageToken: string): Promise<Registration | null> {
    return this.queries.findByManageToken(manageToken);
  }

  @Mutation(() => RegisterResult, {
    description:
      'Registers a participant: confirmed, waitlisted when the event is full, or refused.',
  })
  async register(
    @Context() ctx: GraphQLContext,
    @Args('input') input: RegisterInput,
  ): Promise<object> {
    const result = await this.registrations.register(input);
    return toRegisterResult(result, result.ok ? 'en' : await this.locale(ctx, input.eventId));
  }

  @Mutation(() => UpdateRegistrationResult, {
    description: 'Changes participant data and workshop choices until the registration cutoff.',
  })
  async updateRegistration(
    @Context() ctx: GraphQLContext,
    @Args('manageToken') manageToken: string,
    @Args('input') input: UpdateRegistrationInput,
  ): Promise<object> {
    const result = await this.changes.update(manageToken, input);
    return toRegistrationOrError(
      result,
      result.ok ? 'en' : await this.tokenLocale(ctx, manageToken),
    );
  }

  @Mutation(() => CancelRegistrationResult, {
    description:
      'Cancels a registration until the cutoff; its seats go to the longest waiting participant.',
  })
  async cancelRegistration(
    @Context() ctx: GraphQLContext,
    @Args('manageToken') manageToken: string,
  ): Promise<object> {
    const result = await this.changes.cancel(manageToken);
    return toRegistrationOrError(
      result,
      result.ok ? 'en' : await this.tokenLocale(ctx, manageToken),
    );
  }

  @Mutation(() => RequestManageLinkResult, {
    description:
      '"Link verloren?": mails a fresh link to the manage page if the address is registered for the event (every earlier link stops working). The answer is the same for unknown addresses. Rate limited per client address and per e-mail address.',
  })
  async requestManageLink(
    @Context() ctx: GraphQLContext,
    @Args('input') input: RequestManageLinkInput,
  ): Promise<object> {
    // rate limited per client and per e-mail address by the RateLimitPlugin, before this runs
    const outcome = await this.manageLinks.request(input);
    const locale = await this.locale(ctx, input.eventId ?? null);
    if (!outcome.ok) return new InputInvalidError(outcome.field, render(outcome.text, locale));
    return new ManageLinkRequested(render(msg('link.sent', {}), locale));
  }

  /**
   * The language of a participant's answer: the event's, as its pages and mails;
   * without a known event the request's Accept-Language, else English.
   */
  private async locale(ctx: GraphQLContext, eventId: string | null): Promise<Locale> {
    const event = eventId && isUuid(eventId) ? await ctx.loaders.eventById.load(eventId) : null;
    if (event) return eventLocale(event.language);
    const header = ctx.req.headers['accept-language'];
    return errorLocale(Array.isArray(header) ? header.join(',') : header);
  }

  private async tokenLocale(ctx: GraphQLContext, manageToken: string): Promise<Locale> {
    const registration = await this.queries.findByManageToken(manageToken);
    return this.locale(ctx, registration?.event.id ?? null);
  }
}
