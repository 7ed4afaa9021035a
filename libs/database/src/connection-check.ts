import pg from 'pg';

/**
 * Connects once to the database so that an unreachable or misconfigured server
 * stops the boot with one line instead of a stack trace from deep in the ORM.
 * Resolves with null when reachable, else with the reason.
 */
export async function checkConnection(url: string, timeoutMs = 5000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    const e = error as Error & { code?: string };
    const target = (() => {
      try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)}`;
      } catch {
        return 'the configured server';
      }
    })();
    return `cannot connect to ${target}: ${e.code ? `${e.code} ` : ''}${e.message}`.trim();
  } finally {
    await client.end().catch(() => undefined);
  }
}
