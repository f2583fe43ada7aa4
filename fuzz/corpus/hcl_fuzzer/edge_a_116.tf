x = <<EOT
${a}
EOT
