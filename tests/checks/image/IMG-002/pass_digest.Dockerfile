ARG BASE=public.ecr.aws/docker/library/node:20.15-bookworm-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000
FROM ${BASE} AS build
FROM scratch
COPY --from=build /app /app
FROM build
