FROM debian:12-slim
RUN apt-get update
RUN apt-get update && apt-get install curl=7.88.1-10+deb12u5
RUN apt install -y --no-install-recommends jq=1.6-2.1 && rm -rf /var/lib/apt/lists/*
RUN apt-get dist-upgrade -y
RUN apk add --update curl=8.9.0-r0
RUN yum install httpd-2.4.57
RUN pip install requests==2.32.3
