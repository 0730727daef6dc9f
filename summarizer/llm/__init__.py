"""Everything that talks to a model: the seam (``Model``, ``FillRequest``, ``Filled``), the
OpenAI-compatible implementation and a fake one, failures worded as one line, the response cache,
prices, and the prompt templates."""

from .fake import FakeModel
from .model import Filled, FillRequest, Messages, Model
from .openai_model import OpenAIModel, load_libraries

__all__ = ["FakeModel", "FillRequest", "Filled", "Messages", "Model", "OpenAIModel", "load_libraries"]
