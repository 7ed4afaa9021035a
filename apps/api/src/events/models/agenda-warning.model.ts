import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgendaWarningCode } from '@fachtag/events';

registerEnumType(AgendaWarningCode, {
  name: 'AgendaWarningCode',
  description: 'Kinds of configuration problems in an agenda.',
  valuesMap: {
    PHASE_SEATS_BELOW_EVENT_CAPACITY: {
      description:
        'The workshops of a phase have fewer seats together than the event: participants would find no seat.',
    },
    PHASE_WITHOUT_WORKSHOPS: { description: 'A WORKSHOP_PHASE has no workshops.' },
    WORKSHOP_CAPACITY_EXCEEDS_EVENT: {
      description: 'A workshop has more seats than the whole event.',
    },
    ROOM_USED_TWICE_IN_PHASE: {
      description: 'Two workshops of one phase use the same room at the same time.',
    },
  },
});

@ObjectType('AgendaWarning', {
  description: 'A configuration problem of an agenda, for organizers.',
})
export class AgendaWarningModel {
  @Field(() => AgendaWarningCode, { description: 'Machine-readable kind of problem.' })
  code!: AgendaWarningCode;

  @Field({ description: "What is wrong, in the event's language (German or English)." })
  message!: string;

  @Field(() => ID, { nullable: true, description: 'The agenda item concerned, if any.' })
  agendaItemId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The workshop concerned, if any.' })
  workshopId!: string | null;

  @Field({
    description:
      'True when the problem makes registration impossible: publishEvent refuses a draft with such a problem (error code PUBLISHING_BLOCKED); the others only warn.',
  })
  blocksPublishing!: boolean;
}
