# NET-002 in Terraform: assign_public_ip not written (Terraform's default is false)
resource "aws_ecs_task_definition" "net002_ok" {
  family                   = "net002-ok"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25" }])
}

resource "aws_ecs_service" "private" {
  name            = "private"
  task_definition = aws_ecs_task_definition.net002_ok.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets = ["subnet-12345678"]
  }
}
