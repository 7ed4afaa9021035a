import type { NextFunction, Request, RequestHandler, Response } from 'express';

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
