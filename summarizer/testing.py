"""For tests of code that uses summarizer: how model traffic is recorded and replayed (vcrpy /
pytest-recording options that filter secrets and match request bodies as JSON), shared by the
test suite and the scripts that record and author cassettes. The fake model is ``FakeModel``."""

from __future__ import annotations

import json
from typing import Any

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
