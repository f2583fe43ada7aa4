x = <<EOT
a ${b} c
EOT
