"""One module per widget of the lesson screen; each draws from the App's state the one way panel.py gives."""
