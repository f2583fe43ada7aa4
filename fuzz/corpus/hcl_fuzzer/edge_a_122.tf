x = <<
EOT