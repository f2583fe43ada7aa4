FROM debian:12-slim
RUN chmod 0755 /usr/local/bin/tool && chmod a-s /usr/bin/passwd
COPY --chown=root:root app/ /app/
USER 10001
