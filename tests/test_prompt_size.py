"""What every extraction call carries besides its article stays small: at a thousand articles a
day, each token of instructions or schema is a thousand tokens paid."""

from summarizer import Document, Source
from summarizer.plan import fixed_tokens, request_tokens
from summarizer.stages.extract import ExtractionJob
from summarizer.text import tokens

FIXED_BUDGET = 900  # instructions, fence and header lines, and the answer's schema


def test_an_extraction_call_carries_at_most_900_tokens_besides_the_article() -> None:
    document = Document(
        name="ferry.txt",
        text="Ferry strike halts crossings\n\nDock workers walked out on Monday. The company said talks would resume.",
        outlet="Harbour Times",
    )
    source = Source.of(document, "A")
    job = ExtractionJob(source, budget=100_000)
    ((part, request),) = zip(job.parts, job.requests(), strict=True)
    fixed = fixed_tokens(request, part)
    assert fixed <= FIXED_BUDGET
    # the rest is the article's sentence lines, counted as sent
    lines = [f"[{s.id}] {s.text}" for s in part]
    assert all(line in request.messages[-1]["content"] for line in lines)
    assert request_tokens(request) - fixed == sum(tokens.count(line + "\n") for line in lines)
