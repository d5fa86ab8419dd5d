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

HAND_IN_BYTES = 2 * 1024**3
"""Bytes of hand-ins `gradstep class` reads per account (the files' owner) unless --budget
says otherwise, a file counting at least HAND_IN_FILE_BYTES. It must never pass over a
real student's work: play takes 15 steps a second at its fastest, and a run stopped at
MAX_ITERATIONS goes on at a key, so a 3-hour lab of play is 162,000 steps of one lesson,
228 MB in the course's widest lesson (weight-matrix, 1.5 KB a step) and 1.25 GiB in a
teacher's lesson of 9 outputs by 9 inputs, the widest there can be (8.3 KB a step, with
the longest login, session and lesson names; tests/benchmarks/largest_hand_in.py).
2 GiB is 1.6 times that. Beyond it the account's
other files are not read and one line says so, and how to read them: the folder is every
student's to write, so a bound there must be, and what it costs is time (a file is read a
row at a time, in constant memory), some 3 s a 100 MB of one planted file."""

HAND_IN_FILE_BYTES = 200 * 1024
"""What one file costs of its account's budget however small it is, so a flood of empty files
runs out of it too: at most 10,485 files an account at the default, each opened and its
header read. A real student's are far fewer (a file a lesson a run: 30 labs of 5 runs of
10 lessons is 1,500), and even then 1,500 x 200 KB beside the largest 3-hour hand-in stays
within HAND_IN_BYTES."""
