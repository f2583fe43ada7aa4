x = "${a ?
b : c}"