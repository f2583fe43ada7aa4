# The task: Fargate, awsvpc, read-only root filesystems, non-root users, all capabilities
# dropped, secrets from Secrets Manager, logs to an encrypted log group kept a year.
locals {
  logging = {
    for name in ["web", "otel"] : name => {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.web.name
        awslogs-region        = var.region
        awslogs-stream-prefix = name
        mode                  = "non-blocking"
        max-buffer-size       = "25m"
      }
    }
  }
  hardening = {
    readonlyRootFilesystem = true
    linuxParameters = {
      initProcessEnabled = true
      capabilities       = { drop = ["ALL"] }
    }
  }
}

resource "aws_ecs_task_definition" "web" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  task_role_arn            = var.task_role_arn
  execution_role_arn       = var.execution_role_arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "web-tmp"
  }

  volume {
    name = "otel-tmp"
  }

  volume {
    name = "uploads"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.uploads.id
      transit_encryption = "ENABLED"
      authorization_config {
        access_point_id = aws_efs_access_point.uploads.id
        iam             = "ENABLED"
      }
    }
  }

  container_definitions = jsonencode([
    merge(local.hardening, {
      name              = "web"
      image             = "${aws_ecr_repository.web.repository_url}:${var.image_tag}"
      essential         = true
      user              = "10001:10001"
      cpu               = 448
      memoryReservation = 768
      portMappings      = [{ containerPort = 8080, protocol = "tcp" }]
      environment = [
        { name = "DB_HOST", value = "orders-db.internal.example.com" },
        { name = "PORT", value = "8080" },
        { name = "TMPDIR", value = "/tmp" },
        { name = "UPLOAD_DIR", value = "/mnt/uploads" },
      ]
      secrets = [
        { name = "DB_USERNAME", valueFrom = "${aws_secretsmanager_secret.database.arn}:username::" },
        { name = "DB_PASSWORD", valueFrom = "${aws_secretsmanager_secret.database.arn}:password::" },
      ]
      mountPoints = [
        { sourceVolume = "web-tmp", containerPath = "/tmp", readOnly = false },
        { sourceVolume = "uploads", containerPath = "/mnt/uploads", readOnly = false },
      ]
      healthCheck = {
        command     = ["CMD", "/app/bin/healthcheck", "http://localhost:8080/healthz"]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 10
      }
      logConfiguration = local.logging["web"]
    }),
    merge(local.hardening, {
      name              = "otel-collector"
      image             = "public.ecr.aws/aws-observability/aws-otel-collector@sha256:c5f8773131b743df35a1c81b4cf54947712e088784296dd280208f18a91720e9"
      essential         = false
      user              = "10001"
      cpu               = 64
      memoryReservation = 128
      command           = ["--config=/etc/ecs/ecs-default-config.yaml"]
      mountPoints       = [{ sourceVolume = "otel-tmp", containerPath = "/tmp", readOnly = false }]
      healthCheck = {
        command     = ["CMD", "/healthcheck"]
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 10
      }
      logConfiguration = local.logging["otel"]
    }),
  ])
}
