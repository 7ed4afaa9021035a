import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Registration,
  RegistrationChangesService,
  RegistrationQueriesService,
  RegistrationsService,
} from '@fachtag/registrations';
import { RegisterInput } from './inputs/register.input.js';
import { UpdateRegistrationInput } from './inputs/update-registration.input.js';
import { RegistrationModel } from './models/registration.model.js';
import { CancelRegistrationResult } from './results/cancel-registration.result.js';
import { RegisterResult } from './results/register.result.js';
import { toRegisterResult, toRegistrationOrError } from './results/to-result.js';
import { UpdateRegistrationResult } from './results/update-registration.result.js';

/** The participants' API: anonymous, authorised by the manage token for existing registrations. */
@Resolver()
export class RegistrationsResolver {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly changes: RegistrationChangesService,
    private readonly queries: RegistrationQueriesService,
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
}
