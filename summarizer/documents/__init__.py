"""Documents: the ``Document``, the readers registered by suffix, and loading with clear errors."""

from .decoding import COLLECTION_MAX_BYTES, MAX_BYTES, decode_bytes, decode_json
from .document import Document, parse_date
from .loading import STDIN, load_document, read_document, read_input
from .plain_text import read_plain_text
from .readers import READERS, reader_for

__all__ = [
    "COLLECTION_MAX_BYTES",
    "MAX_BYTES",
    "READERS",
    "STDIN",
    "Document",
    "decode_bytes",
    "decode_json",
    "load_document",
    "parse_date",
    "read_document",
    "read_input",
    "read_plain_text",
    "reader_for",
]
