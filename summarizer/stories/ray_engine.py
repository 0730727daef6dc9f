"""The stories job on Ray (``--engine ray``, the ``ray`` extra): the stages that are the same
work over every article run as Ray Data maps across the cluster's workers: reading the
articles, their near-copy signatures (MinHash), and extraction (a task takes a batch of sources,
opens its own model from the settings and asks for them). What needs every article at once (the
LSH index, grouping, each story's merge and synthesis) stays with the driver. The default engine
is in-process; this one connects to the cluster ``RAY_ADDRESS`` names, or starts a local one."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..documents import Document, load_document
from ..errors import ConfigError, InputError, ModelError, SummarizerError
from ..lazy import deferred
from ..llm import Model, opened
from ..running import run_coroutine
from ..schema.extraction import Extraction
from ..schema.usage import Usage
from ..settings import Settings
from ..stages.extract import Extracted, Failed, SourceOutcome, extract_sources, part_budget
from ..text import Source
from ..text.copies import signature

if TYPE_CHECKING:
    import numpy
    import ray

else:
    numpy = deferred("numpy")
    ray = deferred("ray")

BATCH = 8  # sources a task extracts at once (with the settings' concurrency)


def started() -> None:
    """Ray, connected or started (a local cluster of this machine's CPUs) once per process."""
    try:
        import ray.data  # noqa: F401  (the extra's check: one line if it is not installed)
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'summarizer[ray]'") from None
    if not ray.is_initialized():
        ray.init(include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    # Ray Data reports each dataset it runs; a run's progress lines are the product's own
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False


def _rows(values: Sequence[Any]) -> Any:
    return ray.data.from_items([{"i": i, "value": pickle.dumps(v)} for i, v in enumerate(values)])


def _gathered(dataset: Any) -> list[Any]:
    return [pickle.loads(r["value"]) for r in sorted(dataset.take_all(), key=lambda r: r["i"])]


def _read(row: dict[str, Any]) -> dict[str, Any]:
    try:
        found: Document | str = load_document(pickle.loads(row["value"]))
    except SummarizerError as error:
        found = str(error)
    return {"i": row["i"], "value": pickle.dumps(found)}


def read(paths: Sequence[str | Path]) -> list[Document]:
    """Every article read on the workers; the first that cannot be read is one ``InputError``."""
    started()
    documents = _gathered(_rows([str(p) for p in paths]).map(_read))
    for path, found in zip(paths, documents, strict=True):
        if isinstance(found, str):
            raise InputError(str(path), found.split(": ", 1)[1] if found.startswith(f"{path}: ") else found)
    return documents


def _signed(row: dict[str, Any]) -> dict[str, Any]:
    return {"i": row["i"], "value": pickle.dumps(signature(pickle.loads(row["value"])))}


def signatures(texts: Sequence[str]) -> list[numpy.ndarray]:
    """The MinHash signature of each text, computed on the workers."""
    started()
    return _gathered(_rows(list(texts)).map(_signed))


def _portable(outcome: SourceOutcome) -> tuple[str, Any]:
    """An outcome as it travels back: an extraction's JSON, or a failure's parts (an exception
    with arguments of its own does not survive pickling)."""
    if isinstance(outcome, Extracted):
        return ("extracted", outcome.extraction.model_dump_json())
    error = outcome.error
    return ("failed", (error.step, error.subject, error.cause, (error.usage or Usage()).model_dump()))


def _restored(source: Source, travelled: tuple[str, Any]) -> SourceOutcome:
    kind, value = travelled
    if kind == "extracted":
        return Extracted(source, Extraction.model_validate_json(value))
    step, subject, cause, usage = value
    return Failed(source, ModelError(step, subject, cause, Usage.model_validate(usage)))


class _Extracting:
    """A task's work: its batch of sources extracted with a model of its own."""

    def __init__(self, settings: Settings, model: Model | None) -> None:
        self.settings, self.model = settings, model

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        sources = [pickle.loads(v) for v in batch["value"]]
        outcomes = run_coroutine(self._extract(sources))
        return {"i": batch["i"], "value": [pickle.dumps(_portable(o)) for o in outcomes]}

    async def _extract(self, sources: Sequence[Source]) -> list[SourceOutcome]:
        """Outcomes in the order of ``sources``, matched by the source itself: a batch may hold
        sources of several stories, whose ids (A, B, ...) repeat."""
        found: dict[int, SourceOutcome] = {}
        async with opened(self.model, self.settings) as model:
            budget = part_budget(self.settings)
            async for outcome in extract_sources(
                sources, model, concurrency=self.settings.concurrency, budget=budget
            ):
                found[id(outcome.source)] = outcome
        return [found[id(source)] for source in sources]


def extract(sources: Sequence[Source], settings: Settings, model: Model | None = None) -> list[SourceOutcome]:
    """Every source's extraction outcome, the sources shared out among the workers. ``model``
    (one that pickles) replaces the one each task would open from the settings."""
    started()
    travelled = _gathered(_rows(list(sources)).map_batches(_Extracting(settings, model), batch_size=BATCH))
    return [_restored(source, t) for source, t in zip(sources, travelled, strict=True)]
