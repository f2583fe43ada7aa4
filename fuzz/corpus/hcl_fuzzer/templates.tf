# Templates: interpolation, directives, strip markers, escapes, heredocs.
locals {
  plain       = "just text"
  interp      = "hello ${var.name}!"
  only_interp = "${var.name}"
  number_in   = "n=${1} b=${true}"
  nested      = "${"inner ${var.x}"}"
  escapes     = "tab\t quote\" backslash\\ unicode \u00e9 \U0001F600 dollar $${not} percent %%{not}"
  directive   = "x %{ if var.a ~} yes %{~ else } no %{ endif } %{for i, v in var.xs}[${v}]%{endfor}"
  for_single  = "%{ for v in var.xs }${v},%{ endfor }"
  strip       = "${var.a~}   tail"
  heredoc     = <<EOT
line one
  line two ${var.x}
EOT
  flush = <<-EOT
    {
      "name": "${var.name}",
      "image": "nginx:latest"
    }
    EOT
  flush_mixed = <<-EOT
      four
    two

  	tab
    ${var.x} start
    EOT
  flush_directive = <<-EOT
    %{ for ip in var.ips ~}
    server ${ip}
    %{ endfor ~}
  EOT
  indented_end = <<EOT
a
   EOT
  empty_heredoc = <<EOT
EOT
}
