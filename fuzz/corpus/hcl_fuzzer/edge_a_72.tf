x = ["a", <<EOT
h
EOT
, "b"]