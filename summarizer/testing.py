"""For tests of code that uses summarizer: how model traffic is recorded and replayed (vcrpy /
pytest-recording options that filter secrets and match request bodies as JSON), shared by the
test suite and the scripts that record and author cassettes; and how a fake model's answers read
the sentences a prompt shows. The fake model is ``FakeModel``."""

from __future__ import annotations

import json
import re
from typing import Any

# How the prompts show the model each sentence it may cite: '[A3] The port closed on Friday.'
PROMPT_SENTENCE = re.compile(r"^\[([A-Z]+\d+)\] (.*)$", re.M)


def prompt_sentences(request: Any) -> list[tuple[str, str]]:
    """(id, text) of every sentence a request (a ``FillRequest``) shows the model, in order."""
    return PROMPT_SENTENCE.findall(request.messages[1]["content"])


SECRET_HEADERS = [
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
    "cookie",
    "set-cookie",
]


def json_body(r1: Any, r2: Any) -> None:
    """vcrpy matcher: request bodies equal as JSON (key order and spacing aside), so a prompt or
    schema change that was not re-recorded fails instead of replaying a stale answer."""

    def parsed(request: Any) -> Any:
        body = request.body or b""
        return json.loads(body.decode() if isinstance(body, bytes) else body) if body else None

    assert parsed(r1) == parsed(r2), "request body differs from the recorded one: re-record the cassette"


def vcr_options() -> dict[str, Any]:
    """Options for ``vcr.VCR`` or pytest-recording's ``vcr_config``; register ``json_body`` as a
    matcher under that name."""
    return {
        "filter_headers": SECRET_HEADERS,
        "match_on": ["method", "scheme", "host", "port", "path", "query", "json_body"],
        "decode_compressed_response": True,
    }
