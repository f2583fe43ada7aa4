x = <<EOT
a
EOT
y = 2