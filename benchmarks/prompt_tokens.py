"""Prompt tokens every extraction call carries besides the article: the instructions, the fence
and header lines, and the answer's schema (the tool as the client sends it). Counted on the
annotated articles beside the repository, as each extraction request is built for them.

    python benchmarks/prompt_tokens.py [--articles 200]

Prints the fixed tokens per call (the same for every call but for the title, outlet and date
lines), the article's own tokens, and what the fixed part comes to per 1,000 articles.
"""

from __future__ import annotations

import argparse
import statistics

from scale import named_articles

from summarizer import Document
from summarizer.llm.prompts import render, schema_tokens
from summarizer.plan import fixed_tokens, request_tokens
from summarizer.schema.drafts import ExtractionDraft
from summarizer.settings import Settings
from summarizer.stages.extract import ExtractionJob, part_budget
from summarizer.text import collect, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description="Fixed prompt tokens of an extraction call.")
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    documents = [Document(name=name, text=text) for name, text in named_articles(args.articles)]
    sources, _ = collect(documents, [])
    fixed, article = [], []
    for source in sources:
        job = ExtractionJob(source, part_budget(Settings(model="fake", cache_dir=None)))
        for part, request in zip(job.parts, job.requests(), strict=True):
            fixed.append(fixed_tokens(request, part))
            article.append(request_tokens(request) - fixed[-1])
    print(
        f"{len(fixed)} extraction calls: fixed prompt tokens per call median {statistics.median(fixed):.0f} "
        f"(min {min(fixed)}, max {max(fixed)}): system {tokens.count(render('extract.system'))}, schema "
        f"{schema_tokens(ExtractionDraft)}, the rest the user message's own lines; article tokens per call median "
        f"{statistics.median(article):.0f}; fixed tokens per 1,000 calls {statistics.mean(fixed) * 1000:,.0f}"
    )


if __name__ == "__main__":
    main()
