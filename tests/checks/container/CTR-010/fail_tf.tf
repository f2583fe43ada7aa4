# CTR-010 in Terraform: Fargate services pinned to an old platform version; the task definition is
# referenced by address (aws_ecs_task_definition.ctr010.arn), the version through a variable
variable "ctr010_platform_version" {
  type = string
}

resource "aws_ecs_cluster" "ctr010" {
  name = "ctr010"
}

resource "aws_ecs_task_definition" "ctr010" {
  family                   = "ctr010"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25" }])
}

resource "aws_ecs_service" "old" {
  name             = "old"
  cluster          = aws_ecs_cluster.ctr010.id
  task_definition  = aws_ecs_task_definition.ctr010.arn
  launch_type      = "FARGATE"
  platform_version = "1.3.0"
}

resource "aws_ecs_service" "spot" {
  name            = "spot"
  cluster         = aws_ecs_cluster.ctr010.id
  task_definition = aws_ecs_task_definition.ctr010.arn
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
  platform_version = "1.2.0"
}

resource "aws_ecs_service" "from_variable" {
  name             = "from-variable"
  cluster          = aws_ecs_cluster.ctr010.id
  task_definition  = aws_ecs_task_definition.ctr010.arn
  launch_type      = "FARGATE"
  platform_version = var.ctr010_platform_version
}
