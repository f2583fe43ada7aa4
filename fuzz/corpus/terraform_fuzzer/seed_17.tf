# NET-002 in Terraform: assign_public_ip = true (a bool in Terraform, ENABLED in CloudFormation)
resource "aws_ecs_task_definition" "net002" {
  family                   = "net002"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25" }])
}

resource "aws_ecs_service" "public" {
  name            = "public"
  task_definition = aws_ecs_task_definition.net002.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = ["subnet-12345678"]
    assign_public_ip = true
  }
}
