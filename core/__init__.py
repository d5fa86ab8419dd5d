"""The learner: one artificial neuron, its learning rules, and the course built on them.

Everything here is NumPy and the standard library, so the maths can be tested, run
headless and imported by the app without pulling in a terminal toolkit.
"""
