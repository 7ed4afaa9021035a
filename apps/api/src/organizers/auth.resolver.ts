import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizersService } from '@fachtag/organizers';
import type { GraphQLContext } from '../graphql/context.js';
import {
  InvalidCredentialsErrorModel,
  LoginResultUnion,
  LoginSuccessModel,
} from './models/login-result.model.js';
import { OrganizerModel } from './models/organizer.model.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly organizers: OrganizersService) {}

  @Query(() => OrganizerModel, {
    nullable: true,
    description: 'The organizer behind the bearer token; null for anonymous callers.',
  })
  viewer(@Context() ctx: GraphQLContext): Promise<OrganizerModel | null> {
    return ctx.auth.organizer();
  }

  @Mutation(() => LoginResultUnion, {
    description: 'Exchanges an organizer e-mail (any case) and password for an access token.',
  })
  async login(
    @Args('email', { description: 'Login e-mail address, any case.' }) email: string,
    @Args('password', { description: 'The password.' }) password: string,
  ): Promise<LoginSuccessModel | InvalidCredentialsErrorModel> {
    const outcome = await this.organizers.login(email, password);
    return outcome
      ? Object.assign(new LoginSuccessModel(), outcome)
      : new InvalidCredentialsErrorModel();
  }

  @Mutation(() => OrganizerModel, { description: 'Admins only: adds an organizer account.' })
  async createOrganizer(
    @Context() ctx: GraphQLContext,
    @Args('email', { description: 'Login e-mail address.' }) email: string,
    @Args('name', { description: 'Display name.' }) name: string,
    @Args('password', { description: 'At least 10 characters.' }) password: string,
    @Args('isAdmin', { defaultValue: false, description: 'May manage every event.' })
    isAdmin: boolean,
  ): Promise<OrganizerModel> {
    return this.organizers.createOrganizer(await ctx.auth.organizer(), {
      email,
      name,
      password,
      isAdmin,
    });
  }
}
