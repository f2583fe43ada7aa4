x = <<-EOT
	tab
	  more
	EOT
