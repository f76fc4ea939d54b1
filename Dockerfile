# Callboard's image: Next.js's standalone build (output: "standalone") served by
# scripts/serve.mjs and started by scripts/start.mjs, as CI starts it for its end-to-end tests.
#   docker build -t callboard .
#   docker run -p 3000:3000 -e VOICENTER_CODE=… -e DATABASE_URL=postgres://… callboard
# Without DATABASE_URL the embedded database lives in /data (mount a volume there).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN node_modules/.bin/next build

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    CALLBOARD_DATA_DIR=/data
RUN groupadd --system --gid 1001 callboard \
 && useradd --system --uid 1001 --gid callboard --home-dir /app --shell /usr/sbin/nologin callboard \
 && mkdir -p /data && chown callboard:callboard /data
COPY --from=build --chown=callboard:callboard /app/.next/standalone ./
COPY --from=build --chown=callboard:callboard /app/.next/static ./.next/static
COPY --from=build --chown=callboard:callboard /app/scripts/start.mjs ./start.mjs
COPY --from=build --chown=callboard:callboard /app/scripts/serve.mjs ./serve.mjs
USER callboard
EXPOSE 3000
VOLUME ["/data"]
# /api/health answers 200 while the database answers (the body says more: upstream, sync, coverage)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "start.mjs"]
