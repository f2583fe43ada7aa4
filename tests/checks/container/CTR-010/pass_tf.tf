# CTR-010 in Terraform: LATEST (the default when not written) and 1.4.0
resource "aws_ecs_task_definition" "ctr010_ok" {
  family                   = "ctr010-ok"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25" }])
}

resource "aws_ecs_service" "latest" {
  name            = "latest"
  task_definition = aws_ecs_task_definition.ctr010_ok.arn
  launch_type     = "FARGATE"
}

resource "aws_ecs_service" "pinned_new" {
  name             = "pinned-new"
  task_definition  = aws_ecs_task_definition.ctr010_ok.arn
  launch_type      = "FARGATE"
  platform_version = "1.4.0"
}
