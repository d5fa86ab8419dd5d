"""The sizes gradstep accepts, each chosen so that nothing a student or a file asks for is slow.

Every limit is here once, with its reason; docs/classroom.md states them for a
lab, and a test reads them from this module, so the two cannot drift apart.
"""

SMALLEST_SCREEN = (80, 24)
"""Columns and rows the lesson needs: a classroom terminal's default, where everything
essential fits. A smaller window shows what it has and what it needs instead (too_small.py)."""

WEIGHT_KEYS = 9
"""Keys that choose the weight (or, with several outputs, the output) the chart follows:
1 to 9, one keypress each. It bounds the weights and the outputs a problem may have."""

MAX_WEIGHTS = WEIGHT_KEYS
"""Weights one problem may have. The keys 1-9 choose the weight the chart follows, and nine
weights still fit the parameters panel at 80x24; a lesson with more is refused. With several
outputs it is the limit of one row (weights per output, one per input)."""

MAX_OUTPUTS = WEIGHT_KEYS
"""Outputs one problem may have (goals, rows of weights). The keys 1-9 choose the output the
chart follows, as they choose a weight; a lesson with more is refused."""

MAX_ITERATIONS = 100_000
"""Iterations one run keeps, and one save replays in all. A run stops there, as at a
divergence (it is about two hours of play at the fastest speed); a save keeps its run and
as much of its undo chain as fits (the oldest earlier runs are left out first), and a save
claiming more is refused as corrupt. So resuming the largest save costs under a second
more than a fresh start (tests/benchmarks/resume.py: 0.2 s for one weight, 0.7 s for nine)."""

LESSON_FILE_BYTES = 64 * 1024
"""The largest lesson file read. A lesson file is a few hundred bytes; a bigger one is a
mistake or a trap (/dev/zero, a log file), refused before it is parsed."""

SAVE_BYTES = 4 * 1024 * 1024
"""The largest save read: room for an undo chain of lessons with long texts, and for a
save of the first format, which also held the log."""

SMALLEST_RATE, LARGEST_RATE = 1e-6, 100.0
"""The bounds of the rate (alpha, or hot and cold's step) the + and - keys climb to: below a
millionth nothing moves in the digits shown, and above 100 every lesson has long diverged."""

KEY_DEPTH = 64
"""Parts of one dotted key or table name in a lesson file ("a.b.c" has 3; a lesson uses 2).
tomllib takes time that grows with the square of a key's depth (half a second at 5,000), so
a deeper key is refused before the file is parsed."""

HAND_IN_BYTES = 8 * 1024 * 1024
"""Bytes of hand-ins `gradstep class` reads per account (the files' owner), a file counting
at least HAND_IN_FILE_BYTES. A session's hand-in is some 300 bytes a step (1.2 KB with the
weight matrix), so this is some 25,000 steps of a one-weight lesson, 7,000 of the matrix:
more than a class hour of keys. Beyond it the account's other files are not read and one
line says so: the folder is every student's to write, and one planted file of 250 MB
took a minute to read, for every classmate's line behind it."""

HAND_IN_FILE_BYTES = 4096
"""What one file costs of its account's HAND_IN_BYTES however small it is (a disk block), so
a flood of empty files runs out of budget too: at most 2,048 files an account."""
