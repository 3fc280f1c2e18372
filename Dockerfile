# syntax=docker/dockerfile:1
# Node 24 (LTS), pinned by digest so a rebuild gets the same base: the multi-arch index digest of
# node:24.18.1-bookworm-slim (published 2026-07-30; listed by docker-library/repo-info). Why 24.18.1:
# Node 24.19.0 to 24.21.x abort (SIGABRT in RemoveEnvironmentCleanupHook) when better-sqlite3 12, built
# against their headers, finalises a statement during GC (nodejs/node#65446); 24.22.0 fixed it. The
# newest digest verifiable offline when this was written was 24.19.0, so the pin stays on 24.18.1: move it
# to 24.22.x or later, never to 24.19-24.21. To bump (for Node or Debian security fixes):
#   docker buildx imagetools inspect node:24-bookworm-slim   # the "Digest:" line; NODE_VERSION in its config
# then put the new version and digest in BOTH FROM lines, and run `npm run test:node24`, which tests the
# version named here (scripts/node24.sh reads it from this file).
#
# Build: dev dependencies, better-sqlite3 compiled here against this image's own Node headers, TypeScript → dist/.
FROM node:24.18.1-bookworm-slim@sha256:235600a8101ab264e117b1768e925532262668dc9b581ef1dd7d96ced463b8e7 AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Compile native modules from source for exactly this Node (no prebuilt download), with the headers the image
# ships in /usr/local/include/node (node-gyp would otherwise fetch them).
ENV npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime: production dependencies and compiled code only, as the unprivileged node user, under tini.
FROM node:24.18.1-bookworm-slim@sha256:235600a8101ab264e117b1768e925532262668dc9b581ef1dd7d96ced463b8e7 AS runtime
# tini is PID 1: it forwards SIGTERM/SIGINT to Versus and reaps orphaned processes (with DISCORD_SHARDS the
# main process supervises one child per shard). No `docker run --init` or compose `init: true` needed.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    VERSUS_DB=/data/versus.db \
    KNOWLEDGE_DIR=/app/knowledge \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY migrations ./migrations
COPY knowledge ./knowledge
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
