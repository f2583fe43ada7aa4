x = a
.b