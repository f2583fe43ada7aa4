FROM ubuntu
RUN echo one
FROM nginx:latest AS web
FROM python:3.12-slim AS final
FROM web
