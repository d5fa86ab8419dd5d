"""`python -m gradstep`: the `gradstep` command, for where the console script is not on PATH."""

import sys

from gradstep.tui.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
