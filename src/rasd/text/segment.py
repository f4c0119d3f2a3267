"""Split an article into sentences (spans of the original text)."""

from __future__ import annotations

import re

from rasd.model import Span

# A sentence ends at a full stop, question/exclamation mark or a line break.
# Decimal points (3.5) and ellipses inside a headline ("هزيمته..") are not ends.
_BOUNDARY = re.compile(r"(?<!\d)[.!?؟](?![.\d])|\n+")


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))
