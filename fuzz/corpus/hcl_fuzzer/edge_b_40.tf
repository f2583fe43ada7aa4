x = [a
.b]