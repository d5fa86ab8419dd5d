"""The full-screen app: Textual, drawn from one reactive state. Only this folder imports Textual."""
