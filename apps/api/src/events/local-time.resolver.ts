import { Args, Query, Resolver } from '@nestjs/graphql';
import { canonicalTimeZone, isValidTimeZone, localDateTimeToInstant } from '@fachtag/events';
import { msg } from '@fachtag/common';
import { badInput } from '../graphql/errors.js';

/** At most this many local times per call: a whole agenda fits, a flood does not. */
const MAX_LOCAL_TIMES = 200;

/**
 * Local wall-clock times of an event's zone as instants, for clients that let
 * people type "09:30" on the event's day: the zone's rules, daylight saving time
 * included, are applied here on the server, never by the browser's own zone.
 */
@Resolver()
export class LocalTimeResolver {
  @Query(() => [Date], {
    description:
      'Wall-clock times (YYYY-MM-DDTHH:MM, no offset) in an IANA time zone as instants, in the same order. A time that clocks skip on that day (daylight saving time begins) is refused; a time they repeat is its first occurrence.',
  })
  localTimesToInstants(
    @Args('timeZone', { description: 'IANA zone, e.g. Europe/Berlin.' }) timeZone: string,
    @Args('localTimes', { type: () => [String], description: 'E.g. 2027-06-19T09:30.' })
    localTimes: string[],
  ): Date[] {
    if (!isValidTimeZone(timeZone)) {
      throw badInput(['timeZone'], msg('event.timeZone', { zone: timeZone.slice(0, 60) }));
    }
    if (localTimes.length > MAX_LOCAL_TIMES) {
      throw badInput(['localTimes'], msg('time.tooMany', { max: MAX_LOCAL_TIMES }));
    }
    const zone = canonicalTimeZone(timeZone);
    return localTimes.map((local, i) => {
      const instant = localDateTimeToInstant(local, zone);
      if (!instant) {
        throw badInput(
          ['localTimes', String(i)],
          msg('time.notOnClocks', { local: local.slice(0, 40), zone }),
        );
      }
      return instant;
    });
  }
}
