"""The words: every sentence a user sees, in English and Chinese, built from the numbers.

Imports the core and the standard library only, so every front end (the app, the plain
lines, the command line) says the same thing in the same words.
"""
