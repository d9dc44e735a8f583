# syntax=docker/dockerfile:1
#
# One image recipe for every Marketpulse service; the service is chosen at build time:
#   docker build --build-arg SERVICE=market-data -t ghcr.io/marketpulse/market-data:0.1.0 .
# SERVICE is a folder of services/ (scheduler, market-data, ...). The build stage compiles the whole
# monorepo once (shared layers are cached across services); the runtime stage holds production
# dependencies and the compiled JavaScript only, and runs as a non-root user.

ARG NODE_IMAGE=node:20.19.5-bookworm-slim

# ---- build: full dependency tree, compile TypeScript to dist/ ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY services ./services
COPY scripts ./scripts
# `npm run build` = tsc -p tsconfig.build.json && tsc-alias (rewrites @marketpulse/* imports to relative
# paths, so nothing resolves path aliases at run time).
RUN npm run build

# ---- prod-deps: dependencies without devDependencies ----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production \
    SERVICE=${SERVICE}
WORKDIR /app
# Files stay owned by root and read-only for the service user: the process writes nothing but logs
# (stdout) and temporary files (/tmp), so the root filesystem can be mounted read-only.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# market-data's bundled public-domain history (68 KB), read at start-up to backfill daily bars.
COPY --from=build /app/services/market-data/data ./services/market-data/data
# news' bundled sample feeds (the offline default serves them at /samples) and vc's bundled dataset.
COPY --from=build /app/services/news/data ./services/news/data
COPY --from=build /app/services/vc/data ./services/vc/data
COPY package.json ./
# Fail the build, not the container start, when SERVICE is missing or names no service.
RUN test -n "${SERVICE}" || { echo 'build with --build-arg SERVICE=<folder of services/>' >&2; exit 1; }; \
    test -f "dist/services/${SERVICE}/src/main.js" || { echo "no service named '${SERVICE}'" >&2; exit 1; }
# The `node` user of the base image, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
# `exec` makes node PID 1, so SIGTERM reaches it and the graceful shutdown runs.
CMD ["sh", "-c", "exec node dist/services/${SERVICE}/src/main.js"]
