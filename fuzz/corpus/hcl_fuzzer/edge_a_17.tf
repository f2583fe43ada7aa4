x = f(
a,
b
)