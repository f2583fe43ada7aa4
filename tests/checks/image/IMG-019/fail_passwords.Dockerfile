FROM debian:12-slim
RUN echo 'app:changeme' | chpasswd
RUN useradd -m -p secret bob
