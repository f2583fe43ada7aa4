x = <<-EOT
  a
EOT
