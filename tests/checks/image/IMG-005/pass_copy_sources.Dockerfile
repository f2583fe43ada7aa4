FROM alpine:3.20
COPY src/ /app/src/
COPY package.json package-lock.json /app/
COPY --from=builder /out/id_rsa.pub /app/
