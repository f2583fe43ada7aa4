x = {
  for k, v in a : k => v
}