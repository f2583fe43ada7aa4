FROM debian:12-slim
VOLUME /proc /data
VOLUME ["/var/run/docker.sock"]
