"""Moved to :mod:`aigraph.lexicon` (the knowledge uses the word lists too); kept for one import."""

from aigraph.lexicon import is_common_word, lower_words, words

__all__ = ["is_common_word", "lower_words", "words"]
