FROM debian:12-slim
RUN curl -fsSL https://example.com/install.sh | bash
RUN wget -qO- https://example.com/setup | sh -s -- --yes
RUN cat /etc/os-release | grep VERSION
