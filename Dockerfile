# syntax=docker/dockerfile:1
# The portal's standalone production server as a container image, for Container Apps (or any
# orchestrator) with several replicas behind one address; docs/deploy-azure.md, 7.6.
#
#   docker build -t partner-portal .
#   docker run -p 3000:3000 --env-file portal.env partner-portal
#
# Multi-stage: dependencies and the build happen in throw-away stages; the final image holds only
# Node and `.next/standalone` (the server, its traced node_modules, static assets), and runs as
# the unprivileged `node` user. tests/fleet/dockerfile.test.ts checks, after `npm run build`, that
# every path copied below exists and that the command starts the server and passes the health
# check (the machine the project is built on has no Docker engine to build the image itself).

FROM node:20-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /src/.next/standalone ./
USER node
EXPOSE 3000
# The liveness probe makes no outbound call, so a dependency's outage (Entra, Key Vault, Partner
# Center) never restarts the container.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
