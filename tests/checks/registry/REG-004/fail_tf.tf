# REG-004 in Terraform: no lifecycle policy, and one that only expires untagged images
resource "aws_ecr_repository" "no_policy" {
  name = "no-policy"
}

resource "aws_ecr_repository" "only_untagged" {
  name = "only-untagged"
}

resource "aws_ecr_lifecycle_policy" "only_untagged" {
  repository = aws_ecr_repository.only_untagged.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "expire untagged"
      selection = {
        tagStatus   = "untagged"
        countType   = "sinceImagePushed"
        countUnit   = "days"
        countNumber = 1
      }
      action = { type = "expire" }
    }]
  })
}
