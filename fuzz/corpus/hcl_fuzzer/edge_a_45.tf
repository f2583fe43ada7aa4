x = <<-EOT
    a
    %{~ if x }
      b
    %{ endif ~}
    c
    EOT
