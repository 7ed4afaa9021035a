// Vite builds the participant web app into dist/web; the API process serves it.
// Dev mode (`npm run dev:web`): hot reload on :5173, GraphQL and calendar routes proxied
// to a running API (API_URL, default http://localhost:3000).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // no inline data: URLs for fonts or images: every asset is a file served by us
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/graphql': api, '/calendar': api, '/health': api },
  },
});
