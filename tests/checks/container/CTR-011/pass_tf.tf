# CTR-011 in Terraform: transit encryption, IAM authorization and an access point
resource "aws_efs_file_system" "ctr011_ok" {
  encrypted = true
}

resource "aws_efs_access_point" "ctr011_ok" {
  file_system_id = aws_efs_file_system.ctr011_ok.id
  root_directory {
    path = "/data"
  }
  posix_user {
    uid = 1000
    gid = 1000
  }
}

resource "aws_ecs_task_definition" "ctr011_ok" {
  family                   = "ctr011-ok"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25" }])

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.ctr011_ok.id
      transit_encryption = "ENABLED"
      authorization_config {
        access_point_id = aws_efs_access_point.ctr011_ok.id
        iam             = "ENABLED"
      }
    }
  }
}
