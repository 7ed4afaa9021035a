/**
 * The status of a request whose body the test does not look at. The body is read all
 * the same: an unread body keeps its connection open (undici pauses the socket once its
 * buffer is full), also after the server closed, and such a socket keeps jest's worker
 * alive after the run ("A worker process has failed to exit gracefully").
 */
export async function fetchStatus(url: string, init?: RequestInit): Promise<number> {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
}
