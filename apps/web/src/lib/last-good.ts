import { useState } from 'react';

/**
 * The latest usable answer of a query: while the next one is on its way, or when it
 * failed (an expired session, a network hiccup), the last usable one stays on screen.
 */
export function useLastGood<T>(
  fresh: T | undefined,
  usable: (answer: T) => boolean = () => true,
): T | undefined {
  const [lastGood, setLastGood] = useState(fresh);
  const good = fresh !== undefined && usable(fresh);
  if (good && fresh !== lastGood) setLastGood(fresh);
  return good ? fresh : lastGood;
}
