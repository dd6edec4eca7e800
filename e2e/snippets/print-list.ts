print(["one", "two", 3]);
