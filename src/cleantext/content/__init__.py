"""The content classifier: jusText-like line classes on text, judged in runs and context."""
