# syntax=docker/dockerfile:1
# Production image: runs the compiled `gomez serve` (dist/, plain node, no tsx) as a non-root user.
# Build: docker build -t gomez-bot .
# Run: docker run --rm -e DISCORD_TOKEN=… -e SLACK_BOT_TOKEN=… -e SLACK_SIGNING_SECRET=… -p 3000:3000 -v gomez-data:/data gomez-bot

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Toolchain only in the build stages, for native modules (better-sqlite3) when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
# The "prepare" script (bin/prepare.js) has no sources to build yet here; dist/ is built two steps down.
COPY bin/prepare.js ./bin/prepare.js
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
# Without TypeScript (--omit=dev) the "prepare" script skips the build.
COPY bin/prepare.js ./bin/prepare.js
# better-sqlite3 keeps its SQLite sources and build objects beside the one addon it loads: about 25 MB.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force \
 && cd node_modules/better-sqlite3 \
 && rm -rf deps src build/deps build/Release/obj build/Release/obj.target build/Release/sqlite3.a build/Release/test_extension.node

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    CORPUS_DIR=/app/corpus \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json .npmrc ./
COPY bin ./bin
COPY prompts ./prompts
COPY lexicon ./lexicon
COPY corpus ./corpus
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# /healthz answers on PORT in every long-running mode (Slack HTTP, Slack Socket Mode, Discord gateway).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The search index is built into /data on first start; `gomez index` does it ahead of time.
CMD ["node", "bin/gomez.js", "serve"]
