/** A minimal GraphQL-over-HTTP client for the benchmark (keep-alive via undici's fetch). */
export function graphqlClient(baseUrl: string) {
  return async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<T> {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) {
      throw new Error(`GraphQL error: ${JSON.stringify(body.errors).slice(0, 300)}`);
    }
    return body.data;
  };
}
