# A named user in a build stage does not matter; the final stage has no USER and its base is
# not a well-known one (WARN), while the first image is only a build stage.
FROM golang:1.22 AS build
USER builder
RUN go build -o /out/app .

FROM registry.example.com/base/runtime:1.4
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
