import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
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
  async register(@Args('input') input: RegisterInput): Promise<object> {
    return toRegisterResult(await this.registrations.register(input));
  }

  @Mutation(() => UpdateRegistrationResult, {
    description: 'Changes participant data and workshop choices until the registration cutoff.',
  })
  async updateRegistration(
    @Args('manageToken') manageToken: string,
    @Args('input') input: UpdateRegistrationInput,
  ): Promise<object> {
    return toRegistrationOrError(await this.changes.update(manageToken, input));
  }

  @Mutation(() => CancelRegistrationResult, {
    description:
      'Cancels a registration until the cutoff; its seats go to the longest waiting participant.',
  })
  async cancelRegistration(@Args('manageToken') manageToken: string): Promise<object> {
    return toRegistrationOrError(await this.changes.cancel(manageToken));
  }

  @Mutation(() => RequestManageLinkResult, {
    description:
      '"Link verloren?": mails a fresh link to the manage page if the address is registered for the event (every earlier link stops working). The answer is the same for unknown addresses. Rate limited per client address and per e-mail address.',
  })
  async requestManageLink(@Args('input') input: RequestManageLinkInput): Promise<object> {
    // rate limited per client and per e-mail address by the RateLimitPlugin, before this runs
    const outcome = await this.manageLinks.request(input);
    if (!outcome.ok) return new InputInvalidError(outcome.field, outcome.message);
    return new ManageLinkRequested(
      'If this address is registered for the event, a mail with a new link to the registration is on its way. Earlier links no longer work.',
    );
  }
}
