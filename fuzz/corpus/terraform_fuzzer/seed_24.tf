# REG-004 in Terraform: expire untagged images after a day, keep the last 5 (file() of a JSON
# document next to the module would read the same way)
resource "aws_ecr_repository" "kept" {
  name = "kept"
}

resource "aws_ecr_lifecycle_policy" "kept" {
  repository = aws_ecr_repository.kept.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "expire untagged after 1 day"
        selection    = { tagStatus = "untagged", countType = "sinceImagePushed", countUnit = "days", countNumber = 1 }
        action       = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "keep the last 5 images"
        selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 5 }
        action       = { type = "expire" }
      },
    ]
  })
}
