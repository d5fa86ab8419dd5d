"""The command line: flags, `gradstep` itself, and the commands that need no screen.

No Textual here: `gradstep run` and `gradstep lessons` start as fast as NumPy allows,
and the app is imported only once `gradstep` knows it will draw.
"""
