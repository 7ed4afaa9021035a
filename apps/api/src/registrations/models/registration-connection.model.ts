import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Registration } from '@fachtag/registrations';
import { PageInfoModel } from '../../graphql/page-info.model.js';
import { RegistrationModel } from './registration.model.js';

@ObjectType('RegistrationEdge', { description: 'One registration in a page.' })
export class RegistrationEdgeModel {
  @Field({ description: 'Opaque cursor of this edge; pass as `after`.' })
  cursor!: string;

  @Field(() => RegistrationModel, { description: 'The registration.' })
  node!: Registration;
}

@ObjectType('RegistrationConnection', {
  description: "A page of an event's registrations, oldest first.",
})
export class RegistrationConnectionModel {
  @Field(() => [RegistrationEdgeModel], { description: 'The registrations of this page.' })
  edges!: RegistrationEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Pagination state.' })
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Number of registrations matching the filter, over all pages.' })
  totalCount!: number;
}
