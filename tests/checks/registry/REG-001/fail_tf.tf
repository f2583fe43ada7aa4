# REG-001 in Terraform: scan on push not written (default false) and disabled
resource "aws_ecr_repository" "not_set" {
  name = "not-set"
}

resource "aws_ecr_repository" "disabled" {
  name = "disabled"
  image_scanning_configuration {
    scan_on_push = false
  }
}
