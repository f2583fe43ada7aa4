x = 1
y = "a"
b {
  c = 2
}
