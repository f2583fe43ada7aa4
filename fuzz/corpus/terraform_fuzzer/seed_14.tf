# LOG-012 in Terraform: a log group kept for a year, encrypted with a customer managed key
resource "aws_kms_key" "log012" {
  description = "logs"
}

resource "aws_cloudwatch_log_group" "kept" {
  name              = "/ecs/kept"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.log012.arn
}

resource "aws_ecs_task_definition" "log012_ok" {
  family                   = "log012-ok"
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
        awslogs-group         = aws_cloudwatch_log_group.kept.name
        awslogs-region        = "eu-west-1"
        awslogs-stream-prefix = "app"
      }
    }
  }])
}
