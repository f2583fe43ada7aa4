# NET-001 in Terraform: awsvpc
resource "aws_ecs_task_definition" "awsvpc" {
  family                   = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25" }])
}
