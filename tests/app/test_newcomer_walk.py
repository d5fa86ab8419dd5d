"""What two newcomers (English and Chinese, 80x24, the README only) stopped on, each put
right and read back from the screen as they saw it, in both languages."""

import pytest

from ..helpers import SIZE, app_for, screen_text


def squeezed(app) -> str:
    """The screen with every space and line break taken out: a sentence reads the same
    wherever the panel wrapped it."""
    return "".join(screen_text(app).split())


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_a_frozen_weights_weight_delta_is_0_on_the_worked_steps_first_page(language):
    app = app_for("freeze-weight", language=language)  # weight 1 frozen; delta x input would be -1.19
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        assert "[0,-0.091,-0.168]" in squeezed(app)
        assert "-1.19" not in squeezed(app)
