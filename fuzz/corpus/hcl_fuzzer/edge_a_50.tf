x = "a" /* c
omment */ 
y = 2