import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

/**
 * A person who opens /graphql in a browser gets a page, not the JSON of a
 * refused request. Programs (curl, GraphQL clients) ask for JSON and pass on to
 * Apollo untouched: only a GET whose Accept header prefers HTML is answered here.
 */
export function wantsHtmlPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const preferred = req.accepts([
    'application/json',
    'application/graphql-response+json',
    'text/html',
  ]);
  return preferred === 'text/html';
}

/** The explanation page; `explorer` is the address of GraphiQL when one is served. */
export function explanationPage(explorer: string | null): string {
  const home = '/';
  const endpoint = '/graphql';
  const explorerDe = explorer
    ? `<p>Zum Ausprobieren der Schnittstelle: <a href="${escapeHtml(explorer)}">GraphiQL</a>.</p>`
    : '';
  const explorerEn = explorer
    ? `<p>To try the API: <a href="${escapeHtml(explorer)}">GraphiQL</a>.</p>`
    : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fachtag: GraphQL-Schnittstelle</title>
</head>
<body>
<main>
<h1>Fachtag: GraphQL-Schnittstelle</h1>
<p>Unter <code>${endpoint}</code> sprechen Programme mit Fachtag, über HTTP <code>POST</code> mit einem JSON-Körper (GraphQL over HTTP). Ein Browser zeigt hier deshalb keine Seite an.</p>
<p>Zur Anmeldung für eine Veranstaltung geht es hier: <a href="${home}">Fachtag</a>.</p>
${explorerDe}
<div lang="en">
<h2>Fachtag GraphQL API</h2>
<p>Programs talk to Fachtag at <code>${endpoint}</code> with HTTP <code>POST</code> and a JSON body (GraphQL over HTTP), so there is no page to show here. To register for an event, go to <a href="${home}">Fachtag</a>.</p>
${explorerEn}
</div>
</main>
</body>
</html>
`;
}

/** Middleware for GET /graphql: the explanation page (production) or `development` (GraphiQL). */
export function graphqlBrowserPage(development: RequestHandler | null): RequestHandler {
  const page = explanationPage(null);
  return (req: Request, res: Response, next: NextFunction) => {
    if (!wantsHtmlPage(req)) {
      next();
      return;
    }
    if (development) {
      development(req, res, next);
      return;
    }
    res
      .status(200)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      })
      .send(page);
  };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * GraphiQL's page may run Monaco: its editor adds style elements at run time and runs its
 * language services in workers from our origin. Still no third-party origin at all.
 */
export const GRAPHIQL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** dist/graphiql, from the compiled server (dist/apps/api/src/graphql) or from source (tests). */
export function findGraphiqlDir(): string | null {
  const candidates = [
    fileURLToPath(new URL('../../../../graphiql/', import.meta.url)),
    fileURLToPath(new URL('../../../../dist/graphiql/', import.meta.url)),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * /graphql for browsers: GraphiQL from our own bundle in development (the demo's example
 * operations in its tabs), a short explanation in production or when no bundle was built.
 * Registered before Apollo, so programs asking for JSON reach the API untouched.
 */
export function mountGraphqlBrowserPage(
  app: NestExpressApplication,
  production: boolean,
  graphiqlDir = production ? null : findGraphiqlDir(),
): void {
  if (!graphiqlDir) {
    app.use('/graphql', graphqlBrowserPage(null));
    return;
  }
  const index = readFileSync(join(graphiqlDir, 'index.html'));
  app.use(
    '/graphiql/assets',
    express.static(join(graphiqlDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: false,
    }),
  );
  app.use(
    '/graphql',
    graphqlBrowserPage((_req: Request, res: Response) => {
      res
        .status(200)
        .set({
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': GRAPHIQL_CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-cache',
        })
        .send(index);
    }),
  );
}
