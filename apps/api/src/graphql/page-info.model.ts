import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('PageInfo', { description: 'Cursor pagination state (Relay style).' })
export class PageInfoModel {
  @Field({ description: 'True when another page follows.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass as `after`.' })
  endCursor!: string | null;
}
