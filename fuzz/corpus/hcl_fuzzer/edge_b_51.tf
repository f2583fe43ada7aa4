x = <<-EOT
      
  c
  EOT
