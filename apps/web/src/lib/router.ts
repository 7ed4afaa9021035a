import { useEffect, useSyncExternalStore, type MouseEvent } from 'react';

/** A minimal router over the History API: the app has four routes, no library needed. */
export interface Location {
  pathname: string;
  hash: string;
  state: unknown;
}

const listeners = new Set<() => void>();
let current: Location = read();

function read(): Location {
  return {
    pathname: window.location.pathname,
    hash: window.location.hash,
    state: window.history.state as unknown,
  };
}

function notify(): void {
  current = read();
  listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', notify);
window.addEventListener('hashchange', notify);

export function navigate(to: string, state: unknown = null, replace = false): void {
  if (replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  notify();
  window.scrollTo(0, 0);
}

export function useLocation(): Location {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** Click handler for in-app links: plain clicks navigate without a reload. */
export function linkHandler(to: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(to);
  };
}

/** Sets the document title and moves focus to the page's heading after navigation. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}

/** The console's pages: overview, an event's desk, its editor, the account page. */
export type AdminView = 'overview' | 'desk' | 'edit' | 'account';

export type Route =
  | { name: 'list' }
  | { name: 'event'; slug: string }
  | { name: 'confirmed'; slug: string }
  | { name: 'manage'; token: string }
  | { name: 'admin'; eventId: string | null; view: AdminView }
  | { name: 'notFound' };

export function match(location: Location): Route {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'list' };
  if (path === '/admin') return { name: 'admin', eventId: null, view: 'overview' };
  if (path === '/admin/konto') return { name: 'admin', eventId: null, view: 'account' };
  const adminEvent = /^\/admin\/e\/([^/]+)(\/bearbeiten)?$/.exec(path);
  if (adminEvent) {
    const view = adminEvent[2] ? 'edit' : 'desk';
    return { name: 'admin', eventId: decodeURIComponent(adminEvent[1]), view };
  }
  if (path === '/verwalten') {
    return { name: 'manage', token: decodeURIComponent(location.hash.replace(/^#/, '')) };
  }
  const confirmed = /^\/e\/([^/]+)\/bestaetigt$/.exec(path);
  if (confirmed) return { name: 'confirmed', slug: decodeURIComponent(confirmed[1]) };
  const event = /^\/e\/([^/]+)$/.exec(path);
  if (event) return { name: 'event', slug: decodeURIComponent(event[1]) };
  return { name: 'notFound' };
}

export function eventPath(slug: string): string {
  return `/e/${encodeURIComponent(slug)}`;
}
