FROM debian:12-slim
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 ./local.deb
RUN apk add --no-cache bash=5.2.26-r0
RUN pip install --no-cache-dir -r requirements.txt flask==3.0.3
RUN npm ci && npm install
RUN gem install rails:7.1.3 && gem install bundler -v 2.5.0
RUN yum install -y httpd-2.4.57
RUN go install golang.org/x/tools/gopls@v0.16.1
