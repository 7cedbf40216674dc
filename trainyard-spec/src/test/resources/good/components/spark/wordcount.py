print("word count")
