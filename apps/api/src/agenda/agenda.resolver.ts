import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { AgendaService, type AgendaItem, type Workshop } from '@fachtag/events';
import type { GraphQLContext } from '../graphql/context.js';
import { AgendaItemInput } from './inputs/agenda-item.input.js';
import { UpdateAgendaItemInput } from './inputs/update-agenda-item.input.js';
import { UpdateWorkshopInput } from './inputs/update-workshop.input.js';
import { WorkshopInput } from './inputs/workshop.input.js';
import { AgendaItemModel } from './models/agenda-item.model.js';
import { WorkshopModel } from './models/workshop.model.js';

const MANAGE = 'Organizers of the event only.';

@Resolver()
export class AgendaResolver {
  constructor(private readonly agenda: AgendaService) {}

  @Mutation(() => AgendaItemModel, { description: `Adds an agenda item. ${MANAGE}` })
  async addAgendaItem(
    @Context() ctx: GraphQLContext,
    @Args('eventId', { type: () => ID, description: 'The event the item belongs to.' })
    eventId: string,
    @Args('input', { description: 'The fields.' }) input: AgendaItemInput,
  ): Promise<AgendaItem> {
    return this.agenda.addAgendaItem(await ctx.auth.organizer(), eventId, input);
  }

  @Mutation(() => AgendaItemModel, { description: `Changes an agenda item. ${MANAGE}` })
  async updateAgendaItem(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The agenda item.' }) id: string,
    @Args('input', { description: 'The fields.' }) input: UpdateAgendaItemInput,
  ): Promise<AgendaItem> {
    return this.agenda.updateAgendaItem(await ctx.auth.organizer(), id, input);
  }

  @Mutation(() => Boolean, {
    description: `Removes an agenda item with its workshops; refused while registrations depend on them. ${MANAGE}`,
  })
  async removeAgendaItem(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The agenda item.' }) id: string,
  ): Promise<boolean> {
    return this.agenda.removeAgendaItem(await ctx.auth.organizer(), id);
  }

  @Mutation(() => WorkshopModel, { description: `Adds a workshop to a WORKSHOP_PHASE. ${MANAGE}` })
  async addWorkshop(
    @Context() ctx: GraphQLContext,
    @Args('phaseId', { type: () => ID, description: 'The WORKSHOP_PHASE the workshop runs in.' })
    phaseId: string,
    @Args('input', { description: 'The fields.' }) input: WorkshopInput,
  ): Promise<Workshop> {
    return this.agenda.addWorkshop(await ctx.auth.organizer(), phaseId, input);
  }

  @Mutation(() => WorkshopModel, { description: `Changes a workshop. ${MANAGE}` })
  async updateWorkshop(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The workshop.' }) id: string,
    @Args('input', { description: 'The fields.' }) input: UpdateWorkshopInput,
  ): Promise<Workshop> {
    return this.agenda.updateWorkshop(await ctx.auth.organizer(), id, input);
  }

  @Mutation(() => Boolean, {
    description: `Removes a workshop; refused while registrations depend on it. ${MANAGE}`,
  })
  async removeWorkshop(
    @Context() ctx: GraphQLContext,
    @Args('id', { type: () => ID, description: 'The workshop.' }) id: string,
  ): Promise<boolean> {
    return this.agenda.removeWorkshop(await ctx.auth.organizer(), id);
  }
}
