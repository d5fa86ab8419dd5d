"""The array types the core passes around, named once so every signature says what it holds.

Every number the learner computes is float64 (the tutorial's Python floats); a mask of which
weights learn is bool. Shapes are not part of the type: each signature gives them in a comment.
"""

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]  # weights, inputs, predictions, errors: float64 of any shape
Mask = npt.NDArray[np.bool_]  # True where a weight learns
