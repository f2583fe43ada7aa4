# A root build stage is fine; the final stage runs as a numeric uid.
FROM golang:1.22 AS build
RUN go build -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
USER 10001:10001
ENTRYPOINT ["/app"]
