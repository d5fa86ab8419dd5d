"""The `gradstep` package itself: `gradstep.core` (the learner) and `gradstep.tui` (all a
user sees) live in the repository's top folders; this folder is installed as the package
around them (see pyproject.toml's package-dir), only so that `python -m gradstep` runs."""
