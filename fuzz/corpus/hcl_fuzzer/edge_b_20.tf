x = [for x in y: {
  a = x
}]