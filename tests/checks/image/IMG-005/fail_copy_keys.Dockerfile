FROM alpine:3.20
COPY id_rsa /root/.ssh/id_rsa
COPY config/app.pem ./certs/
COPY --from=builder /src/.env /app/.env
COPY .aws/credentials /root/.aws/credentials
COPY . /app
