FROM debian:12-slim
RUN apt-get install -y --no-install-recommends curl jq=1.6-2.1
RUN apk add --no-cache --virtual .deps bash
RUN pip install --no-cache-dir flask requests==2.32.3
RUN npm install -g typescript @types/node@20.14.0
RUN gem install rails
RUN yum install -y httpd
RUN python3 -m pip install boto3
