import { useState } from 'react';

/**
 * The latest usable answer of a query: while the next one is on its way, or when it
 * failed (an expired session, a network hiccup, a refusal), the last usable one stays on
 * screen. A failed answer may come as `null` (urql's `data` on a GraphQL error without
 * data), so `usable` only ever sees an answer that is there.
 */
export function useLastGood<T>(
  fresh: T | null | undefined,
  usable: (answer: T) => boolean = () => true,
): T | undefined {
  const [lastGood, setLastGood] = useState<T | undefined>(fresh ?? undefined);
  const good = fresh !== undefined && fresh !== null && usable(fresh);
  if (good && fresh !== lastGood) setLastGood(fresh);
  return good ? fresh : lastGood;
}
