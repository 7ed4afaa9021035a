import { EntityManager } from '@mikro-orm/core';
import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { Event } from '../../../../libs/events/src/index.js';
import { WaitlistService } from '../../../../libs/registrations/src/index.js';
import { EventModel } from '../events/models/event.model.js';

/**
 * Event.waitlistCount, batched per request: one query for all events of a
 * response. (The lead may move the loader into the shared per-request context.)
 */
@Resolver(() => EventModel)
export class EventWaitlistCountResolver {
  private readonly loaders = new WeakMap<object, DataLoader<string, number>>();

  constructor(
    private readonly waitlist: WaitlistService,
    private readonly em: EntityManager,
  ) {}

  @ResolveField(() => Int, { description: 'Participants waiting for a seat.' })
  waitlistCount(@Parent() event: Event, @Context() context: object): Promise<number> {
    return this.loader(context).load(event.id);
  }

  /** One loader per GraphQL request (its context object), so counts never go stale across requests. */
  private loader(key: object): DataLoader<string, number> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => this.waitlist.waitlistCounts(this.em.fork(), ids));
      this.loaders.set(key, loader);
    }
    return loader;
  }
}
