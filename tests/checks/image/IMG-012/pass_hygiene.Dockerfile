FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*
RUN apk add --no-cache curl=8.9.0-r0
RUN yum install -y httpd-2.4.57 && yum clean all
RUN pip install --no-cache-dir requests==2.32.3
