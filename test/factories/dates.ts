/**
 * Event days derived from the clock the app runs on, so fixtures never fall into
 * the past: the first `weekday` (0 Sunday … 6 Saturday) of `month` (1–12), in
 * the first year in which it lies at least `minDays` days after `now`. Month
 * and weekday keep what a test needs of the date (summer or winter time in
 * Berlin); the year follows the clock.
 */
export function firstWeekdayOf(
  month: number,
  weekday = 2,
  options: { minDays?: number; now?: number; plusDays?: number } = {},
): { date: string; compact: string; german: string; day: number; year: number } {
  const now = options.now ?? Date.now();
  const earliest = now + (options.minDays ?? 45) * 86_400_000;
  for (let year = new Date(now).getUTCFullYear(); ; year++) {
    for (let day = 1; day <= 7; day++) {
      const first = new Date(Date.UTC(year, month - 1, day, 12));
      if (first.getUTCDay() !== weekday || first.getTime() <= earliest) continue;
      const d = new Date(first.getTime() + (options.plusDays ?? 0) * 86_400_000);
      const date = d.toISOString().slice(0, 10);
      const [y, m, dd] = date.split('-');
      return {
        date,
        compact: `${y}${m}${dd}`,
        german: `${dd}.${m}.${y}`,
        day: d.getUTCDate(),
        year: d.getUTCFullYear(),
      };
    }
  }
}
