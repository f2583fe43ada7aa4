x = "a
b"