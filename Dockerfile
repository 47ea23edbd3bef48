# One image for both processes. The default command runs the api; the worker overrides it with
#   node dist/apps/worker/src/main.js
# Health checks live in docker-compose.yml: the worker has no HTTP, so an image-level HEALTHCHECK
# would mark every worker container unhealthy.

FROM node:24-bookworm-slim AS base
# Node 24 LTS, the runtime package.json's engines names. Its image ships npm 11, which honours package.json's
# "allowScripts" (which dependencies may run install scripts).
WORKDIR /app

FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY .swcrc ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
# The web app (apps/web) is built into dist/apps/web, which the api serves at /.
RUN npm run build && npm run build:web

FROM base AS runtime
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The files stay owned by root, so the process cannot rewrite its own code.
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
