"""The base of every result summarizer writes: a field it does not know is an error, so that a
hand-edited or foreign briefing is reported, never silently read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")
