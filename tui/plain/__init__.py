"""The plain front end: a lesson as lines of text, for terminals that cannot be drawn on."""
