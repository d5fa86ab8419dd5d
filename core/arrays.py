"""The array types the core passes around, named once so every signature says what it holds.

Every number the learner computes is float64 (the tutorial's Python floats); a mask of which
weights learn is bool. Shapes are not part of the type: each signature gives them in a comment.
"""

from typing import Any

import numpy as np

# What numpy.typing.NDArray spells, written with NumPy's own classes: importing numpy.typing
# for two names cost every process its docstring machinery (some 20 KB).
Floats = np.ndarray[tuple[Any, ...], np.dtype[np.float64]]  # weights, inputs, predictions, errors: float64 of any shape
Mask = np.ndarray[tuple[Any, ...], np.dtype[np.bool_]]  # True where a weight learns
