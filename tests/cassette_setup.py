"""What tests and the cassette scripts share about cassettes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
RECORDED = CASSETTES / "recorded"
AUTHORED = CASSETTES / "authored"
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
    """vcrpy matcher: request bodies equal as JSON (key order and spacing aside)."""

    def parsed(request: Any) -> Any:
        body = request.body or b""
        return json.loads(body.decode() if isinstance(body, bytes) else body) if body else None

    assert parsed(r1) == parsed(r2), "request body differs from the recorded one: re-record the cassette"


def vcr_options() -> dict[str, Any]:
    return {
        "filter_headers": SECRET_HEADERS,
        "match_on": ["method", "scheme", "host", "port", "path", "query", "json_body"],
        "decode_compressed_response": True,
    }
