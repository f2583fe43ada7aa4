# REG-007 in Terraform: a customer managed key
resource "aws_kms_key" "reg007" {
  description = "ECR"
}

resource "aws_ecr_repository" "cmk" {
  name = "cmk"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.reg007.arn
  }
}
