x = < <<EOT
a
EOT