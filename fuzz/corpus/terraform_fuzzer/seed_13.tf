# LOG-012 in Terraform: the container's log group (linked by reference) has neither retention nor
# a KMS key
resource "aws_cloudwatch_log_group" "no_retention" {
  name = "/ecs/no-retention"
}

resource "aws_ecs_task_definition" "log012" {
  family                   = "log012"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name  = "app"
    image = "public.ecr.aws/nginx/nginx:1.25"
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.no_retention.name
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "app"
      }
    }
  }])
}
