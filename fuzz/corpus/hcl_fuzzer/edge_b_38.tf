x = a.b.
c