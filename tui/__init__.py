"""The full-screen app: a Textual front end on the learner in `gradstep.core`.

Nothing here is imported by `gradstep run`, so the headless runner never loads Textual.
"""
