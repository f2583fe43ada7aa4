# REG-003 in Terraform: immutable tags
resource "aws_ecr_repository" "immutable" {
  name                 = "immutable"
  image_tag_mutability = "IMMUTABLE"
}
