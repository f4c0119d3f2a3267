"""Reading articles in and writing events out."""
