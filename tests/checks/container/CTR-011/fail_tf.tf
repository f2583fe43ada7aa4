# CTR-011 in Terraform: an EFS volume without transit encryption (a nested block of the volume)
resource "aws_efs_file_system" "ctr011" {
  encrypted = true
}

resource "aws_ecs_task_definition" "ctr011" {
  family                   = "ctr011"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25" }])

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.ctr011.id
      transit_encryption = "DISABLED"
    }
  }
}
