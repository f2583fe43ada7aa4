FROM debian:12-slim AS build
WORKDIR /src
COPY a.txt b.txt /dest/
COPY *.json ./
FROM debian:12-slim
COPY --from=build /src /app
EXPOSE 8080/tcp 9000-9010
ENTRYPOINT ["/app/run"]
CMD ["--serve"]
