# The hardened twin in Terraform: the web service of examples/hardened/cloudformation/stack.yaml
# (networking, IAM and alarms left out). `ecsguard scan examples/terraform/hardened` reports no
# finding. Values come from variables with defaults, locals and references, as in real modules.

resource "aws_kms_key" "main" {
  description         = "hardened-web: ECR, logs, secrets, ephemeral storage"
  enable_key_rotation = true
}

# ------------------------------------------------------------------------------- registry
resource "aws_ecr_repository" "web" {
  name                 = var.name
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.main.arn
  }
}

resource "aws_ecr_lifecycle_policy" "web" {
  repository = aws_ecr_repository.web.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Expire untagged images after 1 day"
        selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countNumber = 1, countUnit = "days" }
        action       = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the last 5 images"
        selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 5 }
        action       = { type = "expire" }
      },
    ]
  })
}

# -------------------------------------------------------------------------------- secrets
resource "aws_secretsmanager_secret" "database" {
  name       = "${var.name}/database"
  kms_key_id = aws_kms_key.main.arn
}

resource "aws_secretsmanager_secret_rotation" "database" {
  secret_id           = aws_secretsmanager_secret.database.id
  rotation_lambda_arn = var.rotation_lambda_arn
  rotation_rules {
    schedule_expression = "rate(30 days)"
  }
}

# -------------------------------------------------------------------------- cluster, logs
resource "aws_ecs_cluster" "main" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  configuration {
    managed_storage_configuration {
      fargate_ephemeral_storage_kms_key_id = aws_kms_key.main.id
    }
  }
}

resource "aws_cloudwatch_log_group" "web" {
  name              = "/ecs/${var.name}"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.main.arn
}

# ------------------------------------------------------------------------------------ EFS
resource "aws_efs_file_system" "uploads" {
  encrypted  = true
  kms_key_id = aws_kms_key.main.arn
}

resource "aws_efs_access_point" "uploads" {
  file_system_id = aws_efs_file_system.uploads.id
  posix_user {
    uid = 10001
    gid = 10001
  }
  root_directory {
    path = "/uploads"
    creation_info {
      owner_uid   = 10001
      owner_gid   = 10001
      permissions = "750"
    }
  }
}
