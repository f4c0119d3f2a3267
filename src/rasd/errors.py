"""Every error rasd reports to a user: what went wrong, with which input, and what to do.

Raise RasdError (or a subclass) with one of these messages; the CLI prints
it as one line on stderr and exits non-zero, never with a traceback.
"""

from __future__ import annotations


class RasdError(Exception):
    """An error meant for the user: its message is printed as is."""


class InputError(RasdError):
    """An input file or record could not be read."""


class StoreError(RasdError):
    """The event store could not be opened or written."""


# Message templates, one place for the wording (spaCy's errors.py idea).
E_NOT_FOUND = "{path}: no such file or directory"
E_EMPTY = "{path}: the file is empty; give an article as .txt, .html, .json or .jsonl"
E_BINARY = "{path}: this looks like a binary file, not an article (found NUL bytes); give .txt, .html, .json or .jsonl"
E_ENCODING = "{path}: text is neither UTF-8 nor Windows-1256 (cp1256); re-save it as UTF-8"
E_JSON_LINE = "{path}:{line}: malformed JSON ({detail}); skipped this line"
E_JSON_FIELD = "{path}:{line}: article has no text (no 'text', 'content' or 'body' field with text); skipped"
E_BAD_DATE = "{path}:{line}: 'published' is {value!r}, not YYYY-MM-DD; treating the date as unknown"
E_TOO_BIG = "{path}: article is {size:,} characters, more than the limit of {limit:,}; split it or raise --max-chars"
E_NOTHING_READ = "{path}: no article could be read"
E_BINARY_KIND = "{path}: this is {kind}, not an article; save the article's text as .txt, .html, .json or .jsonl"
E_TOO_BIG_BYTES = ("{path}: {what} {size:,} bytes is too big for one article of at most {limit:,}"
                   " characters; split it or raise --max-chars")
E_JSON_DOC = "{path}:{line}: malformed JSON ({detail})"
E_JSON_ITEM = "{path}: item {item} is not an article object; skipped"
E_UNREADABLE = "{path}: cannot be read ({reason})"
W_NO_PUBLISHED = ("{path}: no 'published' date (article {article!r}); relative dates such as «أمس» stay"
                  " unresolved, not guessed; give --published YYYY-MM-DD (not repeated for this input)")
W_EXTRACT_FAILED = "{article}: extraction failed ({detail}); skipped this article"
