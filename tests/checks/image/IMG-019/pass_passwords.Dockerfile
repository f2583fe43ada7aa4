FROM debian:12-slim
RUN useradd --system --uid 10001 app && passwd -l root
