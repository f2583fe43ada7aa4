FROM debian:12-slim
VOLUME /data ["/var/lib/app"]
