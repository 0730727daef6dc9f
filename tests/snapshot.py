"""Golden files: compared exactly; SUMMARIZER_UPDATE_SNAPSHOTS=1 rewrites them (review the diff)."""

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("SUMMARIZER_UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed: review, then SUMMARIZER_UPDATE_SNAPSHOTS=1"
    )
