"""Translation tools: the overview, DeepL in the editor, translations from known texts."""
