import { Field, ObjectType } from '@nestjs/graphql';
import type { Workshop } from '@fachtag/events';
import { WorkshopModel } from '../../agenda/models/workshop.model.js';
import { ErrorCode, ErrorResult } from '../../graphql/error-result.js';

@ObjectType('WorkshopFullError', {
  implements: () => [ErrorResult],
  description: 'A chosen workshop has no seat left; nothing was stored.',
})
export class WorkshopFullError extends ErrorResult {
  @Field(() => WorkshopModel, { description: 'The full workshop.' })
  workshop: Workshop;

  @Field(() => [WorkshopModel], {
    description: 'Workshops of the same phase that still have seats, most seats left first.',
  })
  alternatives: Workshop[];

  constructor(workshop: Workshop, alternatives: Workshop[], message: string) {
    super();
    this.errorCode = ErrorCode.WORKSHOP_FULL;
    this.message = message;
    this.workshop = workshop;
    this.alternatives = alternatives;
  }
}
