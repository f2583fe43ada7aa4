FROM python:3.12-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000
ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
ENV DB_PASSWORD_FILE=/run/secrets/db_password
ARG API_TOKEN=${API_TOKEN}
ENV SECRET_NAME=prod/db/password
RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci
RUN curl -fsSL https://example.com/install.sh -o /tmp/install.sh
USER 10001
