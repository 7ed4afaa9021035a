import { Module } from '@nestjs/common';
import { OrganizersService } from './organizers.service.js';

/** Organizer accounts and access tokens; ensures the configured organizer at start. */
@Module({ providers: [OrganizersService], exports: [OrganizersService] })
export class OrganizersModule {}
