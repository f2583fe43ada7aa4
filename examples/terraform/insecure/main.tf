# The insecure twin in Terraform: the flaws of examples/insecure/cloudformation/stack.yaml, one
# comment per check id (networking and IAM left out). `ecsguard scan examples/terraform/insecure`
# trips every implemented check except CTR-010 (see examples/README.md).

# ------------------------------------------------------------------------------- registry
resource "aws_ecr_repository" "web" {
  name                 = "insecure-web"
  image_tag_mutability = "MUTABLE" # REG-003 (also the default)
  # no aws_ecr_lifecycle_policy      REG-004
  # no encryption_configuration      REG-007 (AES256 with an AWS owned key)
  image_scanning_configuration {
    scan_on_push = false # REG-001
  }
}

resource "aws_ecr_repository_policy" "web" { # REG-006: anyone on the internet can pull
  repository = aws_ecr_repository.web.name
  policy     = data.aws_iam_policy_document.public_pull.json
}

data "aws_iam_policy_document" "public_pull" {
  statement {
    sid     = "PublicPull"
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

# -------------------------------------------------------------------------------- secrets
resource "aws_secretsmanager_secret" "session" { # CTR-009: no rotation, no customer managed key
  name = "insecure/web/session"
}

resource "aws_ssm_parameter" "api_token" { # CTR-008: a plain String parameter used as a secret
  name  = "/insecure/web/api-token"
  type  = "String"
  value = "not-so-secret"
}

# ----------------------------------------------------------------------- cluster and logs
resource "aws_ecs_cluster" "main" { # LOG-010: no Container Insights; CTR-012: AWS owned key
  name = "insecure-web"
}

resource "aws_cloudwatch_log_group" "web" { # LOG-012: never expires, no customer managed key
  name = "/ecs/insecure-web"
}

# ------------------------------------------------------ uploads: EFS without TLS or IAM (CTR-011)
resource "aws_efs_file_system" "uploads" {
  encrypted = false
}
