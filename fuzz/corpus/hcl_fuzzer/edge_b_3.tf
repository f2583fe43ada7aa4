x = <<EOT
abc
EOT
