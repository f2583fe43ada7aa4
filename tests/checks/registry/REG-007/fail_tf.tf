# REG-007 in Terraform: default encryption (AES256) and KMS with the AWS managed key
resource "aws_ecr_repository" "default_encryption" {
  name = "default-encryption"
}

resource "aws_ecr_repository" "kms_managed_key" {
  name = "kms-managed-key"
  encryption_configuration {
    encryption_type = "KMS"
  }
}
