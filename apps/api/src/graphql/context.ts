import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { EventsReader } from '@fachtag/events';
import { OrganizersService } from '@fachtag/organizers';
import { waitingCounts, waitingWishes } from '@fachtag/seating';
import { activeRegistrationCounts } from '@fachtag/registrations';
import { RequestAuth } from '../organizers/request-auth.js';
import { RequestLoaders } from './loaders.js';

/** What every resolver of one request shares. */
export interface GraphQLContext {
  req: Request;
  res: Response;
  /** The organizer behind `Authorization: Bearer …`, resolved once per request. */
  auth: RequestAuth;
  loaders: RequestLoaders;
}

/** Builds the context of each GraphQL request. */
@Injectable()
export class GraphQLContextFactory {
  constructor(
    private readonly organizers: OrganizersService,
    private readonly reader: EventsReader,
    private readonly em: EntityManager,
  ) {}

  create(req: Request, res: Response): GraphQLContext {
    return {
      req,
      res,
      auth: new RequestAuth(req.headers.authorization, this.organizers),
      loaders: new RequestLoaders(
        this.reader.batch(),
        (ids) => waitingCounts(this.em.fork(), ids),
        (ids) => activeRegistrationCounts(this.em.fork(), ids),
        async (ids) => {
          const wishes = await waitingWishes(this.em.fork(), ids);
          return ids.map((id) => wishes.get(id) ?? 0);
        },
      ),
    };
  }
}
