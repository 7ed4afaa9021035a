/** The console's page of one event. */
export function adminEventPath(id: string): string {
  return `/admin/e/${encodeURIComponent(id)}`;
}

/** The editor of one event's fields, with copy, unpublish and cancel. */
export function adminEditPath(id: string): string {
  return `${adminEventPath(id)}/bearbeiten`;
}

/** The organizer's own account (password; organizers' accounts for admins). */
export const ADMIN_ACCOUNT_PATH = '/admin/konto';
