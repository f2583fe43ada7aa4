x = <<EOT
  ${a} EOT
EOT
