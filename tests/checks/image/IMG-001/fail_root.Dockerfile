# The final stage switches back to root.
FROM node:20.15-bookworm-slim AS build
USER node
RUN npm ci

FROM node:20.15-bookworm-slim
COPY --from=build /app /app
USER root
CMD ["node", "/app/server.js"]
