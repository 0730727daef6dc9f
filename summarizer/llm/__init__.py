"""Everything that talks to a model: the seam (``Model``: one chat completion per ``Attempt``),
the one re-ask loop above it (``fill``), the OpenAI-compatible implementation and a fake one,
failures worded as one line, the response cache, prices, and the prompt templates."""

from .asking import fill
from .fake import FakeModel
from .model import Attempt, Filled, FillRequest, Messages, Model
from .openai_model import OpenAIModel
from .opening import Bounded, opened, settings_of

__all__ = [
    "Attempt",
    "Bounded",
    "FakeModel",
    "FillRequest",
    "Filled",
    "Messages",
    "Model",
    "OpenAIModel",
    "fill",
    "opened",
    "settings_of",
]
