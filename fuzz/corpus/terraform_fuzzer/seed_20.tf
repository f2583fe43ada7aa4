# REG-001 in Terraform: scan on push enabled
resource "aws_ecr_repository" "scanned" {
  name = "scanned"
  image_scanning_configuration {
    scan_on_push = true
  }
}
