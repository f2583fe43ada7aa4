x = f(
  a,
  b...
)