x = <<-EOT
  ${b}
    c
  EOT
