import { PrimaryKeyProp, type Rel } from '@mikro-orm/core';
import { Entity, ManyToOne } from '@mikro-orm/decorators/legacy';
import { AgendaItem } from '@fachtag/events';
import { Workshop } from '@fachtag/events';
import { Registration } from './registration.entity.js';

/** The workshop a registration holds (or, while WAITLISTED, wishes) in one phase. */
@Entity({ tableName: 'registration_workshops' })
export class RegistrationWorkshop {
  [PrimaryKeyProp]?: ['registration', 'phase'];

  @ManyToOne(() => Registration, { primary: true, deleteRule: 'cascade' })
  registration!: Rel<Registration>;

  @ManyToOne(() => AgendaItem, { primary: true, deleteRule: 'no action' })
  phase!: Rel<AgendaItem>;

  @ManyToOne(() => Workshop, { deleteRule: 'no action' })
  workshop!: Rel<Workshop>;
}
