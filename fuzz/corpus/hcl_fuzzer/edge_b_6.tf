x = [
  # comment
  1
  ,2
]