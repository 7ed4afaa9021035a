// GraphiQL for development, bundled by Vite from npm (no CDN): the API serves it at
// GET /graphql to browsers when NODE_ENV is not production.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './page.css';
import { GraphiQL } from 'graphiql';
import type { ExecutionResult } from 'graphql';
import { createRoot } from 'react-dom/client';
import { exampleTabs } from './examples';

interface GraphQLBody {
  query: string;
  variables?: unknown;
  operationName?: string | null;
}

async function fetcher(body: GraphQLBody): Promise<ExecutionResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as ExecutionResult;
}

/** The first listed event's slug (the demo on a default start) for the example tabs. */
async function firstSlug(): Promise<string> {
  try {
    const answer = await fetcher({ query: '{ events(first: 1) { edges { node { slug } } } }' });
    const data = answer.data as { events?: { edges?: { node: { slug: string } }[] } } | undefined;
    return data?.events?.edges?.[0]?.node.slug ?? '<slug>';
  } catch {
    return '<slug>';
  }
}

const root = document.getElementById('graphiql');
if (root) {
  void firstSlug().then((slug) => {
    createRoot(root).render(<GraphiQL fetcher={fetcher} defaultTabs={exampleTabs(slug)} />);
  });
}
