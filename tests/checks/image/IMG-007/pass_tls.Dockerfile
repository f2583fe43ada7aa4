FROM debian:12-slim
RUN curl -fsSL https://example.com/a.sh -o /tmp/a.sh
RUN wget -q https://example.com/b.tgz
ENV NODE_TLS_REJECT_UNAUTHORIZED=1
RUN pip install --no-cache-dir requests==2.32.3
