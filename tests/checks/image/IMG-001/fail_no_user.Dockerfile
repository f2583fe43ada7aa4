# No USER and the base (a Docker Official Image) runs as root.
FROM python:3.12-slim
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]
