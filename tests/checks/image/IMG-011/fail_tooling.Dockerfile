FROM ubuntu:24.04
RUN apt-get install -y gcc make libssl-dev
RUN go build -o /app .
