# LOG-010 in Terraform: enabled and enhanced
resource "aws_ecs_cluster" "enabled" {
  name = "enabled"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster" "enhanced" {
  name = "enhanced"
  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}
