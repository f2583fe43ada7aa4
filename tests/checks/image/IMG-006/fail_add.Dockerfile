FROM alpine:3.20
ADD app/ /app/
ADD https://example.com/tool.tar.gz /tmp/
ADD vendor.tar.gz /opt/
