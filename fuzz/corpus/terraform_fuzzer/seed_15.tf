# NET-001 in Terraform: a Fargate task definition in bridge mode and one in host mode
resource "aws_ecs_task_definition" "bridge" {
  family                   = "bridge"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25" }])
}

resource "aws_ecs_task_definition" "host" {
  family                = "host"
  network_mode          = "host"
  container_definitions = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25", memory = 256 }])
}
