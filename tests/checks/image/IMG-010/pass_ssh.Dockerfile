FROM debian:12-slim
RUN apt-get install -y openssh-client
EXPOSE 8080 2222
