# LOG-010 in Terraform: no setting (account default) and Container Insights disabled
resource "aws_ecs_cluster" "no_settings" {
  name = "no-settings"
}

resource "aws_ecs_cluster" "disabled" {
  name = "disabled"
  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}
