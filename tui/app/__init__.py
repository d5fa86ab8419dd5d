"""The full-screen app: Textual, bound to one reactive state. Only this folder imports Textual."""
