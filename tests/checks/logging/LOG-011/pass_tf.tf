# LOG-011 in Terraform: awslogs with group, region and stream prefix (container definitions in
# a local, merged per container)
locals {
  log011_logging = {
    logDriver = "awslogs"
    options = {
      awslogs-group         = "/ecs/log011-ok"
      awslogs-region        = "eu-west-1"
      awslogs-stream-prefix = "app"
    }
  }
}

resource "aws_ecs_task_definition" "log011_ok" {
  family                   = "log011-ok"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  container_definitions = jsonencode([
    merge({ name = "app", image = "nginx:1.25.3" }, { logConfiguration = local.log011_logging }),
  ])
}
