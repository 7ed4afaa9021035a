# Fachtag: the API (serving the web app) and the mail worker, from one image.
# Build:  docker build -t fachtag .
# Run:    see compose.yaml and README.md, "Production".

# ---- build: every dependency, then `npm run build` ----
FROM node:22-bookworm-slim AS build
WORKDIR /app
# npm 11 honours package.json's allowScripts (only approved install scripts run)
RUN npm install -g npm@11.19.1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: production dependencies and the build output only ----
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 DATA_DIR=/var/lib/fachtag
WORKDIR /app
RUN npm install -g npm@11.19.1 \
  && mkdir -p /var/lib/fachtag && chown node:node /var/lib/fachtag
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# not root: the processes run as the image's unprivileged `node` user
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# the worker runs the same image with: command: ["node", "dist/apps/worker/src/main.js"]
CMD ["node", "dist/apps/api/src/main.js"]
