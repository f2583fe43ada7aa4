# REG-003 in Terraform: mutable tags (default and explicit)
resource "aws_ecr_repository" "default_mutable" {
  name = "default-mutable"
}

resource "aws_ecr_repository" "explicit_mutable" {
  name                 = "explicit-mutable"
  image_tag_mutability = "MUTABLE"
}
