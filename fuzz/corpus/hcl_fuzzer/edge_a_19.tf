x = (
a
)