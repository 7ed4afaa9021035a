import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
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

  @Mutation(() => OrganizerModel, {
    description:
      "Changes the caller's own password; refused (BAD_USER_INPUT naming currentPassword) when the current one is wrong. Organizers only (Authorization: Bearer <accessToken>).",
  })
  async changePassword(
    @Context() ctx: GraphQLContext,
    @Args('currentPassword', { description: 'The password used to log in now.' })
    currentPassword: string,
    @Args('newPassword', { description: 'The new password, 10 to 200 characters.' })
    newPassword: string,
  ): Promise<OrganizerModel> {
    return this.organizers.changePassword(await ctx.auth.organizer(), currentPassword, newPassword);
  }

  @Query(() => [OrganizerModel], {
    name: 'organizers',
    description: 'Admins only: every organizer account, active ones first, then by name.',
  })
  async listOrganizers(@Context() ctx: GraphQLContext): Promise<OrganizerModel[]> {
    return this.organizers.listOrganizers(await ctx.auth.organizer());
  }

  @Mutation(() => OrganizerModel, {
    description:
      'Admins only: deactivates an organizer account. It can no longer log in and its tokens stop working at once; its events stay for admins. Admins cannot deactivate themselves (BAD_USER_INPUT naming id).',
  })
  async deactivateOrganizer(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The organizer.' }) id: string,
  ): Promise<OrganizerModel> {
    return this.organizers.setOrganizerActive(await ctx.auth.organizer(), id, false);
  }

  @Mutation(() => OrganizerModel, {
    description: 'Admins only: lets a deactivated organizer log in again.',
  })
  async reactivateOrganizer(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The organizer.' }) id: string,
  ): Promise<OrganizerModel> {
    return this.organizers.setOrganizerActive(await ctx.auth.organizer(), id, true);
  }
}
