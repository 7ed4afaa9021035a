/**
 * Links into the participants' web app (`apps/web`). Every part that builds a
 * link to a page uses these, so mails, API answers and the app agree on the URLs.
 */

function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

/**
 * The manage page of a registration. The token travels in the fragment only:
 * browsers never send it to a server, a proxy or another site (no Referer).
 */
export function manageUrl(base: string, token: string): string {
  return `${trimBase(base)}/verwalten#${encodeURIComponent(token)}`;
}

/** The public page of an event (registration form, "Link verloren?"). */
export function eventUrl(base: string, slug: string): string {
  return `${trimBase(base)}/e/${encodeURIComponent(slug)}`;
}
