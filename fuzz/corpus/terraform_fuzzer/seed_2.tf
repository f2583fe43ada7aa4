# CTR-001 in Terraform: every container's root filesystem is read-only (a heredoc JSON document)
resource "aws_ecs_task_definition" "web_ro" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = <<-EOT
    [
      {
        "name": "app",
        "image": "public.ecr.aws/nginx/nginx:1.25",
        "readonlyRootFilesystem": true
      }
    ]
  EOT
}
