x = "${f(<<EOT
a
EOT
)}"
