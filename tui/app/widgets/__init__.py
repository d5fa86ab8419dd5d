"""One module per panel; each is bound to the App's state and keeps none of its own."""
