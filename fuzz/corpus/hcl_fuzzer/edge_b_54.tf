x = <<-EOT
  %{if a}x%{endif}
  y
  EOT
