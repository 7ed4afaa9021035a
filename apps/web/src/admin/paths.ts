/** The console's page of one event. */
export function adminEventPath(id: string): string {
  return `/admin/e/${encodeURIComponent(id)}`;
}
