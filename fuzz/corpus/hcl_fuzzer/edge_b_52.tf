x = <<-EOT
  a  
  EOT
