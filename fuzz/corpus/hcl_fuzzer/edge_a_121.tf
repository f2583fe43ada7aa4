x = <<EOT x
EOT