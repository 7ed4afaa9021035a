import { useSyncExternalStore } from 'react';
import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';

/**
 * The organizer's session lives in this module's memory only: never in
 * localStorage, sessionStorage or a cookie that page scripts could read later.
 * A reload or a closed tab ends it (log in again); an expired token ends it too,
 * with a message, and the page that was open keeps its inputs in React state.
 */
export interface Session {
  accessToken: string;
  organizer: { id: string; name: string; email: string; isAdmin: boolean };
}

export type SessionEnd = 'loggedOut' | 'expired' | null;

let session: Session | null = null;
let ended: SessionEnd = null;
const listeners = new Set<() => void>();
let snapshot: { session: Session | null; ended: SessionEnd } = { session, ended };

function publish(): void {
  snapshot = { session, ended };
  listeners.forEach((listener) => listener());
}

export function startSession(next: Session): void {
  session = next;
  ended = null;
  publish();
}

export function endSession(reason: Exclude<SessionEnd, null>): void {
  if (!session) return;
  session = null;
  ended = reason;
  publish();
}

export function accessToken(): string | null {
  return session?.accessToken ?? null;
}

export function useSession(): { session: Session | null; ended: SessionEnd } {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
  );
}

function unauthenticated(error: CombinedError): boolean {
  return (
    error.response?.status === 401 ||
    error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}

/**
 * The console's GraphQL client: the bearer token from memory on every request,
 * no shared cache with the participant pages, and an UNAUTHENTICATED answer
 * ends the session (the console then shows the login with a message).
 */
export const adminClient = new Client({
  url: '/graphql',
  preferGetMethod: false,
  requestPolicy: 'cache-and-network',
  fetchOptions: () => {
    const token = accessToken();
    // the API's refusals in the page's language, like the participant pages'
    const language = { 'accept-language': document.documentElement.lang || 'de' };
    return { headers: token ? { ...language, authorization: `Bearer ${token}` } : language };
  },
  exchanges: [
    mapExchange({
      onError(error) {
        if (unauthenticated(error)) endSession('expired');
      },
    }),
    cacheExchange,
    fetchExchange,
  ],
});

/**
 * Downloads an authenticated file (an export) and hands it to the browser as a
 * file to save: the token goes in the header, never into a URL.
 */
export async function download(path: string): Promise<'ok' | 'expired' | 'failed'> {
  const token = accessToken();
  if (!token) return 'expired';
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 401) {
    endSession('expired');
    return 'expired';
  }
  if (!response.ok) return 'failed';
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'ok';
}
