resource "aws_ecs_task_definition" "web" {
  family                   = "insecure-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  task_role_arn            = var.admin_role_arn
  execution_role_arn       = var.admin_role_arn

  volume {
    name = "uploads"
    efs_volume_configuration {
      file_system_id = aws_efs_file_system.uploads.id
      # no transit_encryption / authorization_config: NFS in clear text, no access point
    }
  }

  container_definitions = jsonencode([
    {
      name      = "web"
      image     = "${aws_ecr_repository.web.repository_url}:latest"
      essential = true
      # no user: runs as root; no readonlyRootFilesystem
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      environment = [
        { name = "DB_HOST", value = "orders-db.internal.example.com" },
        { name = "DB_USER", value = "web" },
        { name = "DB_PASSWORD", value = "Orders-2023-pass!" }, # CTR-007
        { name = "PORT", value = "8080" },
        { name = "UPLOAD_DIR", value = "/mnt/uploads" },
      ]
      secrets = [
        { name = "API_TOKEN", valueFrom = aws_ssm_parameter.api_token.arn },
        { name = "SESSION_SECRET", valueFrom = aws_secretsmanager_secret.session.arn },
      ]
      mountPoints = [{ sourceVolume = "uploads", containerPath = "/mnt/uploads", readOnly = false }]
      linuxParameters = {
        capabilities = { add = ["SYS_PTRACE"] } # "for gdb when something hangs"
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.web.name
          awslogs-stream-prefix = "web"
          awslogs-region        = "ap-northeast-1"
          mode                  = "blocking"
        }
      }
    },
    {
      name                   = "otel-collector"
      image                  = "amazon/aws-otel-collector:latest"
      essential              = true
      readonlyRootFilesystem = true # but no writable /tmp volume
      environment = [
        { name = "AWS_ACCESS_KEY_ID", value = "AKIAIOSFODNN7EXAMPLE" },
        { name = "AWS_SECRET_ACCESS_KEY", value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
        { name = "AWS_REGION", value = "ap-northeast-1" },
      ]
      # no logConfiguration, no healthCheck, no memory reservation
    },
  ])
}

# ---------------------- a "debug" task for EC2 capacity: everything a container should not do
resource "aws_ecs_task_definition" "debug" {
  family                   = "insecure-debug"
  requires_compatibilities = ["EC2"]
  network_mode             = "host" # NET-001
  pid_mode                 = "host" # CTR-005
  ipc_mode                 = "host" # CTR-005
  task_role_arn            = var.admin_role_arn

  volume {
    name      = "docker-sock"
    host_path = "/var/run/docker.sock" # CTR-016
  }

  volume {
    name      = "host-root"
    host_path = "/" # CTR-016
  }

  container_definitions = <<-EOT
    [
      {
        "name": "toolbox",
        "image": "registry.example.com/platform/toolbox:latest",
        "essential": true,
        "memory": 512,
        "command": ["sleep", "infinity"],
        "environment": [
          {"name": "ECS_ENGINE_AUTH_TYPE", "value": "dockercfg"},
          {"name": "ECS_ENGINE_AUTH_DATA",
           "value": "{\"registry.example.com\":{\"auth\":\"b3BzOmV4YW1wbGUtcGFzc3dvcmQ=\",\"email\":\"ops@example.com\"}}"}
        ],
        "user": "root",
        "privileged": true,
        "dockerSecurityOptions": ["apparmor:unconfined"],
        "linuxParameters": {"capabilities": {"add": ["NET_ADMIN", "SYS_ADMIN"]}},
        "mountPoints": [
          {"sourceVolume": "docker-sock", "containerPath": "/var/run/docker.sock", "readOnly": false},
          {"sourceVolume": "host-root", "containerPath": "/host", "readOnly": true}
        ]
      }
    ]
  EOT
}
