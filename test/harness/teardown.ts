/**
 * Runs every cleanup step in order, also when an earlier one fails, and then
 * fails with what went wrong. A plain sequence of awaits in afterAll stops at
 * the first error (a process that exited with 1, a browser that crashed), and
 * whatever came after it stays open: a listening SMTP server, a pg pool, a child
 * process with its pipes. Those keep jest's worker alive after the run ("A worker
 * process has failed to exit gracefully"), exactly when a test found a fault.
 */
export async function closeAll(...steps: Array<() => unknown>): Promise<void> {
  const errors: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} cleanup steps failed`);
}
