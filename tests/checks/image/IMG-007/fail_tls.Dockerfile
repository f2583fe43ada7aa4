FROM debian:12-slim
RUN curl -sSLk https://example.com/a.sh -o /tmp/a.sh
RUN wget --no-check-certificate https://example.com/b.tgz
RUN pip install --trusted-host pypi.example.com requests==2.32.3
RUN apt-get install -y --allow-unauthenticated curl=7.88.1-10+deb12u5
RUN npm config set strict-ssl false
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
RUN yum install -y --nogpgcheck httpd-2.4.57
