"""The Arabic text layer: normalisation with offsets, sentences, tokens, numbers, dates."""
