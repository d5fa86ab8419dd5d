"""Everything a user sees and touches, around the learner in `gradstep.core`.

Each folder says what it imports: `words/` (the sentences, in both languages) and
`files/` (saves, exports) need only the core; `command/` (the command line) and
`plain/` (line mode) add no toolkit; `app/` is the one place Textual is imported.
"""
