# REG-006 in Terraform: a repository policy for one role, attached by repository name
resource "aws_ecr_repository" "private_pull" {
  name = "private-pull"
}

resource "aws_ecr_repository_policy" "private_pull" {
  repository = "private-pull"
  policy     = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "ReaderPulls",
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::123456789012:role/reader"},
        "Action": ["ecr:BatchGetImage"]
      }]
    }
  EOT
}
