/**
 * Wall-clock time in an IANA zone ↔ instants, with the platform's Intl data
 * (no time zone library needed for the few conversions the demo data and
 * calendars make).
 */

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

function parts(instant: Date, timeZone: string): Record<string, number> {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of format.formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Berlin: +1 h or +2 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which clocks in `timeZone` show `date` `time` (HH:MM or
 * HH:MM:SS). Two passes settle the offset on DST change days.
 */
export function zonedTimeToUtc(date: LocalDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss);
  let guess = wall - zoneOffsetMs(new Date(wall), timeZone);
  guess = wall - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The calendar date in `timeZone` at `instant`. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const p = parts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** `date` plus `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Day of the week of `date`, 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall clock in `timeZone` shows `local` (`YYYY-MM-DDTHH:MM`), or
 * null when `local` is malformed, not a real date, or a time that does not exist
 * on that day (skipped when clocks go forward). A time that exists twice (clocks
 * go back) is its first occurrence.
 */
export function localDateTimeToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23) return null;
  const date = local.slice(0, 10);
  const time = local.slice(11);
  // earlier of the candidate offsets first, so an ambiguous time is its first occurrence
  const offsets = [
    ...new Set([wall - 36e5 * 3, wall + 36e5 * 3].map((t) => zoneOffsetMs(new Date(t), timeZone))),
  ].sort((a, b) => b - a);
  for (const offset of offsets) {
    const instant = new Date(wall - offset);
    if (localDate(instant, timeZone) === date && wallTime(instant, timeZone) === time)
      return instant;
  }
  const fallback = zonedTimeToUtc(date, time, timeZone);
  return localDate(fallback, timeZone) === date && wallTime(fallback, timeZone) === time
    ? fallback
    : null;
}

/** `HH:MM` on the wall clock of `timeZone` at `instant`. */
export function wallTime(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const day = (d: LocalDate) => {
    const [y, m, dd] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, dd);
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/**
 * `instant` moved by `days` calendar days in `timeZone`, keeping its wall-clock
 * time: 09:30 stays 09:30 when the new day has another UTC offset (DST). A time
 * the new day skips (clocks go forward) becomes the instant the same offset
 * arithmetic gives, an hour later on the wall clock.
 */
export function shiftLocalDays(instant: Date, timeZone: string, days: number): Date {
  const date = addDays(localDate(instant, timeZone), days);
  const p = parts(instant, timeZone);
  const hhmm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  const rest = p.second * 1000 + (instant.getTime() % 1000);
  const exact = localDateTimeToInstant(`${date}T${hhmm}`, timeZone);
  return new Date((exact ?? zonedTimeToUtc(date, hhmm, timeZone)).getTime() + rest);
}
