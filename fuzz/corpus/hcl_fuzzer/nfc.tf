decomposed = "e\u0301"
precomposed = "\u00e9"
