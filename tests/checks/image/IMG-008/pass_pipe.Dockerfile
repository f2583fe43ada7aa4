FROM debian:12-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSLo /tmp/i.sh https://example.com/install.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh
RUN cat /etc/os-release | grep VERSION
