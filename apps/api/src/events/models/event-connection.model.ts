import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../graphql/page-info.model.js';
import { EventModel } from './event.model.js';

@ObjectType('EventEdge', { description: 'One event in a page of events.' })
export class EventEdgeModel {
  @Field({ description: 'Pass as `after` to continue behind this event.' })
  cursor!: string;

  @Field(() => EventModel, { description: 'The event.' })
  node!: EventModel;
}

@ObjectType('EventConnection', { description: 'A page of events, soonest first.' })
export class EventConnectionModel {
  @Field(() => [EventEdgeModel], { description: 'The events of this page.' })
  edges!: EventEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether and where the listing continues.' })
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Number of events in the whole listing, all pages.' })
  totalCount!: number;
}
