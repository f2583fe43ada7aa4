FROM debian:12-slim AS build
RUN apt-get install -y sudo
FROM debian:12-slim
RUN echo "no sudo here" > /etc/motd
