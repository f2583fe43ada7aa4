# comment
variable "x" {
  default = 3
  type = list(string)
}
locals {
  a = 1 + 2 * 3
  b = "hello ${var.x} %{if true}y%{endif}"
  c = <<-EOT
    foo
      bar
    EOT
  d = [for k, v in var.m : upper(v) if k != "a"]
  e = {for k, v in var.m : k => v...}
  f = var.list[*].id
  g = var.x ? "a" : "b"
  h = aws_instance.x.0.id
  i = { a = 1, "b" : 2, (var.k) = 3 }
  j = f(x...)
  k = null
  l = true
  m = -1.5e3
  n = !var.b
}
resource "aws_ecs_task_definition" "this" {
  family = "x"
  container_definitions = jsonencode([{ name = "a" }])
  dynamic "setting" {
    for_each = var.s
    content { name = setting.value }
  }
  lifecycle { ignore_changes = [tags] }
}
resource "aws_ecs_task_definition" "that" {
  family = "y"
}
