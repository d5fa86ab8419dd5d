"""Keys as the terminal driver feeds them to Textual's parser: an Escape read together with
the key after it stays the Escape key, and a newline is Enter."""

from gradstep.tui.app.input_end import as_typed


def test_an_escape_read_with_the_next_key_is_the_escape_key():
    assert as_typed("e\x1bnn") == ["e", None, "nn"]  # Esc closes the editor, then two steps
    assert as_typed("\x1b.") == [None, "."]  # Textual dropped the Escape before a mark
    assert as_typed("\x1b\x1bs") == [None, None, "s"]  # read as Esc and Alt+s, the s typed in a box
    assert as_typed("t\x1b") == ["t", None]  # before the Escape a read held back: no sequence starts


def test_the_start_of_a_sequence_is_left_to_the_parser():
    for sequence in ("\x1b[A", "\x1bOA", "\x1b]11;rgb:0/0/0\x1b\\", "\x1bP>|xterm\x1b\\"):
        assert as_typed(sequence) == [sequence]


def test_a_newline_is_enter():
    """Typed before the terminal is raw, Enter arrives as a newline (Textual's ctrl+j)."""
    assert as_typed("0.1\n") == ["0.1\r"]
