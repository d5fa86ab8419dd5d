"""The screens that open over the lesson: help, the parameter editor, the lesson list."""
