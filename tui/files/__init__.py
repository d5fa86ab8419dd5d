"""The student's files: where saves, crash reports and exported logs go, and how they are written.

Standard library and the core only; every front end saves through here.
"""
