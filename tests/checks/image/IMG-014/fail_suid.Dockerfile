FROM debian:12-slim
USER 10001
RUN chmod u+s /usr/local/bin/tool
RUN chmod 4755 /usr/local/bin/other
COPY --chown=10001 app/ /app/
