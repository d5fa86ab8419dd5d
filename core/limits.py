"""The sizes gradstep accepts, each chosen so that nothing a student or a file asks for is slow.

Every limit is here once, with its reason.
"""

LESSON_FILE_BYTES = 64 * 1024
"""The largest lesson file read. A lesson file is a few hundred bytes; a bigger one is a
mistake or a trap (/dev/zero, a log file), refused before it is parsed."""
