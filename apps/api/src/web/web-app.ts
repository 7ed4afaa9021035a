import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * Security headers on every response of the API process. The participant pages load
 * scripts, styles, fonts and images only from this origin (no inline scripts, no CDN);
 * KERN UX's icons are SVG data URLs inside its CSS, hence `img-src data:`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // the manage page's token is in the fragment, which browsers never send; no referrer either
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}

/** The app's client-side routes: each answers with index.html. */
export const WEB_APP_ROUTES = [
  '/',
  '/e/:slug',
  '/e/:slug/bestaetigt',
  '/verwalten',
  '/admin',
  '/admin/e/:id',
  '/admin/e/:id/bearbeiten',
  '/admin/konto',
];

/** dist/web, from the compiled server (dist/apps/api/src/web) or from source (tests). */
export function findWebDir(): string | null {
  const candidates = [
    fileURLToPath(new URL('../../../../web/', import.meta.url)),
    fileURLToPath(new URL('../../../../dist/web/', import.meta.url)),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the participant web app (built by `npm run build` into dist/web) from the API
 * process: hashed assets with a year's cache, index.html for the app's routes. Registered
 * before Nest's routes, so /graphql, /health and /calendar stay as they are.
 */
export function mountWebApp(app: NestExpressApplication, webDir = findWebDir()): void {
  app.use(securityHeaders);
  if (!webDir) return;
  const index = readFileSync(join(webDir, 'index.html'));
  app.use(
    '/assets',
    express.static(join(webDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: false,
    }),
  );
  const sendIndex = (_req: Request, res: Response): void => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(index);
  };
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.get('/favicon.svg', (_req: Request, res: Response) =>
    res.sendFile(join(webDir, 'favicon.svg'), { maxAge: '1d' }),
  );
  for (const route of WEB_APP_ROUTES) http.get(route, sendIndex);
}
