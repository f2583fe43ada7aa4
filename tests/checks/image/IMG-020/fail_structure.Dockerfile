FROM debian:12-slim AS app
MAINTAINER someone@example.com
WORKDIR app
RUN cd /tmp && make
EXPOSE 80 70000
COPY a.txt b.txt /dest
COPY --from=app /x /y
ENTRYPOINT ["/bin/a"]
ENTRYPOINT /bin/b
CMD ["x"]
CMD ["y"]
