# CTR-003 in Terraform: a privileged container in a heredoc (lines inside the heredoc are file lines)
resource "aws_ecs_task_definition" "priv" {
  family                   = "priv"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = <<EOT
[
  {
    "name": "app",
    "image": "public.ecr.aws/nginx/nginx:1.25",
    "privileged": true
  }
]
EOT
}
