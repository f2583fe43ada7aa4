# ecsguard itself as a container image (the pre-commit `docker` hook and CI jobs use it).
# Multi-stage: Debian 12 builds it; the final image is distroless (no shell, no package manager)
# with only the shared libraries ecsguard links, running as a numeric non-root user. ecsguard scans
# read-only mounts and writes reports only where it is told to, so it runs with a read-only root
# filesystem:  docker run --rm --read-only -v "$PWD:/src:ro" ecsguard scan /src
FROM debian:12.8-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential cmake ninja-build pkg-config python3 \
      libyaml-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev libre2-dev libfmt-dev \
      libseccomp-dev libarchive-dev libcurl4-openssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt CMakePresets.json ./
COPY cmake cmake
COPY src src
COPY tools tools
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DECSGUARD_TESTS=OFF -DECSGUARD_BENCH=OFF \
 && cmake --build build --target ecsguard \
 && mkdir -p /out/lib \
 && ldd build/ecsguard | awk '$3 ~ /^\// {print $3}' \
      | grep -Ev '/(libc|libm|libstdc\+\+|libgcc_s|libpthread|libdl|ld-linux[^/]*)\.so' \
      | xargs -r -I{} cp -L {} /out/lib/ \
 && cp build/ecsguard /out/ecsguard

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /out/lib/ /opt/ecsguard/lib/
COPY --from=build /out/ecsguard /usr/local/bin/ecsguard
ENV LD_LIBRARY_PATH=/opt/ecsguard/lib
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/ecsguard"]
CMD ["scan", "."]
