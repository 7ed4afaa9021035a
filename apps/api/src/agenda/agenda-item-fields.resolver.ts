import { Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { AgendaItemKind, type AgendaItem, type Workshop } from '@fachtag/events';
import type { GraphQLContext } from '../graphql/context.js';
import { AgendaItemModel } from './models/agenda-item.model.js';
import { WorkshopModel } from './models/workshop.model.js';

/** Related rows of AgendaItem, batched through the request's DataLoaders. */
@Resolver(() => AgendaItemModel)
export class AgendaItemFieldsResolver {
  @ResolveField(() => [WorkshopModel], {
    description:
      'The parallel workshops of a WORKSHOP_PHASE, by number; empty for every other kind.',
  })
  async workshops(@Root() item: AgendaItem, @Context() ctx: GraphQLContext): Promise<Workshop[]> {
    if (item.kind !== AgendaItemKind.WORKSHOP_PHASE) return [];
    return ctx.loaders.workshopsByPhaseId.load(item.id);
  }
}
