# syntax=docker/dockerfile:1
# Production image: runs `gomez serve` as a non-root user. Build: docker build -t gomez-bot .
# Run: docker run --rm -e DISCORD_TOKEN=… -e SLACK_BOT_TOKEN=… -e SLACK_SIGNING_SECRET=… -p 3000:3000 -v gomez-data:/data gomez-bot

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Toolchain only in this stage, for native modules (better-sqlite3) when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    CORPUS_DIR=/app/corpus \
    PORT=3000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json .npmrc ./
COPY bin ./bin
COPY src ./src
COPY prompts ./prompts
COPY lexicon ./lexicon
COPY corpus ./corpus
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Build the search index into /data on first start is automatic; `gomez index` does it ahead of time.
CMD ["node", "bin/gomez.js", "serve"]
