# LOG-011 in Terraform: no log configuration, and awslogs without a stream prefix; the log
# group comes from a resource reference (known only after apply)
resource "aws_cloudwatch_log_group" "log011" {
  name              = "/ecs/log011"
  retention_in_days = 365
}

resource "aws_ecs_task_definition" "log011" {
  family                   = "log011"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  container_definitions = jsonencode([
    {
      name  = "nolog"
      image = "nginx:1.25.3"
    },
    {
      name  = "noprefix"
      image = "nginx:1.25.3"
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group  = aws_cloudwatch_log_group.log011.name
          awslogs-region = "eu-west-1"
        }
      }
    },
  ])
}
