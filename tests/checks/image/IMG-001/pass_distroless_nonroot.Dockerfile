# No USER, but the base image runs as nonroot; a stage built FROM a stage keeps its USER.
FROM gcr.io/distroless/static-debian12:nonroot AS base
FROM node:20.15-bookworm-slim AS app
USER 1000
FROM app
CMD ["node", "server.js"]
