# CTR-001 in Terraform: container_definitions through jsonencode() (every field keeps its line)
locals {
  ctr001_image = "public.ecr.aws/nginx/nginx:1.25"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name                   = "app"
      image                  = local.ctr001_image
      readonlyRootFilesystem = true
    },
    {
      name      = "log-router"
      image     = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.0"
      essential = false
    },
    {
      name                   = "worker"
      image                  = "public.ecr.aws/docker/library/busybox:1.36"
      readonlyRootFilesystem = false
    },
  ])
}
