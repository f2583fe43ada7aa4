# REG-006 in Terraform: an aws_ecr_repository_policy open to every principal, attached by reference
resource "aws_ecr_repository" "public_pull" {
  name = "public-pull"
}

resource "aws_ecr_repository_policy" "public_pull" {
  repository = aws_ecr_repository.public_pull.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AnyonePulls"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}
