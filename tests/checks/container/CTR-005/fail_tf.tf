# CTR-005 in Terraform: the task shares the host's PID namespace (pid_mode), count = 1 expanded
resource "aws_ecs_task_definition" "host_pid" {
  count                 = 1
  family                = "host-pid"
  pid_mode              = "host"
  network_mode          = "host"
  container_definitions = jsonencode([{ name = "app", image = "public.ecr.aws/nginx/nginx:1.25", memory = 256 }])
}
