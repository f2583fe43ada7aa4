x = <<-EOT
  a
    EOT
