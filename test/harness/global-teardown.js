export default async function globalTeardown() {
  const db = globalThis.__FACHTAG_EMBEDDED__;
  globalThis.__FACHTAG_EMBEDDED__ = undefined;
  if (db) await db.stop();
}
