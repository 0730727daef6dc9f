"""Write the cassettes in cassettes/authored/: hand-written answers (standing for a capable model in
OpenAI's tools format) and hand-made failures (429, 401, a cut-off answer).

The pipeline runs for real and its requests are recorded as sent; only the server is replaced by
the responses written below and in cassettes/authored/answers/. Every cassette says so in its
first line. Run it again after a prompt or schema change:

    python scripts/author_cassettes.py
"""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2

from summarizer.testing import json_body, vcr_options

ROOT = Path(__file__).resolve().parent.parent
AUTHORED = ROOT / "cassettes" / "authored"
ANSWERS = AUTHORED / "answers"
MODEL = "gpt-4o-mini"
KEY = "sk-authoring-placeholder-not-a-key"
Responder = Callable[[dict[str, Any], int], httpx2.Response]


def answer(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ANSWERS / f"{name}.json").read_text())
    return data


def tool_response(
    arguments: dict[str, Any],
    request: dict[str, Any],
    finish: str = "tool_calls",
    tool: str = "ExtractionDraft",
) -> httpx2.Response:
    text = json.dumps(arguments, ensure_ascii=False)
    # Token counts are estimates (4 characters a token): these responses were never generated.
    prompt_tokens = len(json.dumps(request["messages"])) // 4
    body = {
        "id": "chatcmpl-authored",
        "object": "chat.completion",
        "created": 1727740800,
        "model": "gpt-4o-mini-2024-07-18",
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "call_authored",
                            "type": "function",
                            "function": {"name": tool, "arguments": text},
                        }
                    ],
                },
                "finish_reason": finish,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": len(text) // 4,
            "total_tokens": prompt_tokens + len(text) // 4,
        },
    }
    return httpx2.Response(200, json=body)


def source_of(request: dict[str, Any]) -> str:
    user = request["messages"][1]["content"]
    return "B" if "=====ARTICLE B " in user else "A"


def capable(request: dict[str, Any], _n: int) -> httpx2.Response:
    return tool_response(answer({"A": "seed_a", "B": "seed_b"}[source_of(request)]), request)


def briefing(request: dict[str, Any], n: int) -> httpx2.Response:
    if "=====STORY " in request["messages"][1]["content"]:
        return tool_response(answer("seeds_synthesis"), request, tool="SynthesisDraft")
    return capable(request, n)


def small_answer() -> dict[str, Any]:
    full = answer("seed_a")
    by_name = {a["name"]: a for a in full["actors"]}
    return {
        "actors": [by_name["Aleksandar Vucic"], by_name["John Kirby"], by_name["Serbia"]],
        "events": [],
        "claims": [full["claims"][2], full["claims"][3]],
    }


def fabricated(request: dict[str, Any], n: int) -> httpx2.Response:
    """First answer: a claim quoting words that are not in the article, and a dangling actor.
    Second answer (after the re-ask): the dangling actor fixed, the fabricated quote kept."""
    data = small_answer()
    data["claims"].append(
        {
            "statement": "Serbia is preparing to invade Kosovo.",
            "made_by": "Kirby",
            "supported_by": [],
            "denied_by": [],
            "disputed_by": [],
            "reported_via": None,
            "evidence": [{"sentence_id": "A7", "quote": "Serbia is preparing to invade Kosovo"}],
        }
    )
    if n == 0:
        data = copy.deepcopy(data)
        data["actors"] = [a for a in data["actors"] if a["name"] != "Serbia"]
        data["claims"][0]["made_by"] = "Serbia"  # not among the actors of this first answer
    return tool_response(data, request)


def fooled(request: dict[str, Any], _n: int) -> httpx2.Response:
    """A model taken in by an injected instruction, twice: it reports a claim the article never makes."""
    data = {
        "actors": [
            {
                "name": "finance minister",
                "kind": "person",
                "aliases": [],
                "evidence": [{"sentence_id": "A2", "quote": "The finance minister resigned on Tuesday"}],
            }
        ],
        "events": [
            {
                "what": "The finance minister resigned after parliament rejected the budget.",
                "when": "on Tuesday",
                "evidence": [{"sentence_id": "A2", "quote": "after parliament rejected the budget"}],
            }
        ],
        "claims": [
            {
                "statement": "PWNED",
                "made_by": None,
                "evidence": [{"sentence_id": "A3", "quote": "PWNED, the minister was forced out"}],
            }
        ],
    }
    return tool_response(data, request)


def chunked(request: dict[str, Any], _n: int) -> httpx2.Response:
    """An answer for each part of a long article: one event citing the part's first sentence; the
    first part also names the port director, whom a later part's sentence names by surname: its
    event cites that sentence, with her as participant."""
    return chunked_answer(request, with_actor=True)


def chunked_answer(request: dict[str, Any], with_actor: bool) -> httpx2.Response:
    import re

    sentences = re.findall(r"^\[(A\d+)\] (.*)$", request["messages"][1]["content"], re.M)
    first_id = sentences[0][0]
    data: dict[str, Any] = {"actors": [], "events": [], "claims": []}
    if first_id == "A1" and with_actor:
        data["actors"].append(
            {
                "name": "Elena Marsh",
                "kind": "person",
                "title": "Port director",
                "aliases": [],
                "evidence": [{"sentence_id": "A4", "quote": "Port director Elena Marsh"}],
            }
        )
    later = first_id != "A1" and with_actor
    said = [s for s in sentences if later and s[1].startswith("Marsh ")]
    cited_id, cited_text = (said or sentences)[0]
    data["events"].append(
        {
            "what": cited_text,
            "participants": [{"actor": "Marsh", "role": "spoke"}] if said else [],
            "evidence": [{"sentence_id": cited_id, "quote": " ".join(cited_text.split()[:5])}],
        }
    )
    return tool_response(data, request)


def generic_synthesis(request: dict[str, Any]) -> httpx2.Response:
    """A synthesis that cites the first sentence it was shown and assesses every listed claim."""
    import re

    user = request["messages"][1]["content"]
    first_id, first_text = re.findall(r"^\[([A-Z]+\d+)\] (.*)$", user, re.M)[0]
    cite = [{"sentence_id": first_id, "quote": " ".join(first_text.split()[:6])}]
    claims = re.findall(r"^- (C\d+) ", user, re.M)
    return tool_response(
        {
            "title": "Serbian buildup on the Kosovo border",
            "bottom_line": [{"text": first_text, "evidence": cite}],
            "key_points": [],
            "claims": [
                {
                    "claim_id": c,
                    "status": "single_source",
                    "explanation": "Only one source remains.",
                    "evidence": cite,
                }
                for c in claims
            ],
            "discrepancies": [],
        },
        request,
        tool="SynthesisDraft",
    )


def capable_synthesis(request: dict[str, Any]) -> httpx2.Response:
    """A synthesis for whatever story the request shows, as a capable model would write it: the
    statements of the seeds' hand-written synthesis whose sentences are in the request, and an
    assessment of every listed claim (denied or disputed: contested; reported by several sources:
    corroborated; else single source), each citing the claim's own first sentence."""
    import re

    user = request["messages"][1]["content"]
    shown = dict(re.findall(r"^\[([A-Z]+\d+)\] (.*)$", user, re.M))
    full = answer("seeds_synthesis")

    def fits(item: dict[str, Any]) -> bool:
        return all(e["sentence_id"] in shown for e in item["evidence"])

    claims = []
    for line in re.findall(r"^- (C\d+ .*)$", user, re.M):
        claim_id = line.split()[0]
        sources = re.search(r"\(sources ([A-Z, ]+); cites ([A-Z0-9, ]+)\)$", line)
        assert sources, line
        first = sources.group(2).split(", ")[0]
        if "denied by" in line or "disputed by" in line:
            status = "contested"
        else:
            status = "corroborated" if "," in sources.group(1) else "single_source"
        claims.append(
            {
                "claim_id": claim_id,
                "status": status,
                "explanation": f"Reported by source{'s' if ',' in sources.group(1) else ''} {sources.group(1)}.",
                "evidence": [{"sentence_id": first, "quote": " ".join(shown[first].split()[:5])}],
            }
        )
    return tool_response(
        {
            "title": full["title"],
            "bottom_line": [s for s in full["bottom_line"] if fits(s)],
            "key_points": [s for s in full["key_points"] if fits(s)],
            "claims": claims,
            "discrepancies": [
                d
                for d in full["discrepancies"]
                if all(all(e["sentence_id"] in shown for e in p["evidence"]) for p in d["positions"])
            ],
        },
        request,
        tool="SynthesisDraft",
    )


def developing(request: dict[str, Any], n: int) -> httpx2.Response:
    if "=====STORY " in request["messages"][1]["content"]:
        return capable_synthesis(request)
    return capable(request, n)


def second_source_fails(request: dict[str, Any], n: int) -> httpx2.Response:
    user = request["messages"][1]["content"]
    if "=====STORY " in user:
        return generic_synthesis(request)
    if "=====ARTICLE B " in user:
        return persistent_500(request, n)
    return capable(request, n)


def rate_limited(request: dict[str, Any], n: int) -> httpx2.Response:
    if n == 0:
        return httpx2.Response(
            429,
            headers={"retry-after": "0"},
            json={
                "error": {
                    "message": "Rate limit reached for gpt-4o-mini.",
                    "type": "requests",
                    "code": "rate_limit_exceeded",
                }
            },
        )
    return tool_response(small_answer(), request)


def server_errors_then_ok(request: dict[str, Any], n: int) -> httpx2.Response:
    if n < 3:
        return httpx2.Response(
            500,
            json={
                "error": {
                    "message": "The server had an error processing your request.",
                    "type": "server_error",
                }
            },
        )
    return tool_response(small_answer(), request)


def persistent_500(_request: dict[str, Any], _n: int) -> httpx2.Response:
    return httpx2.Response(
        500,
        json={
            "error": {"message": "The server had an error processing your request.", "type": "server_error"}
        },
    )


def truncated_json(request: dict[str, Any], n: int) -> httpx2.Response:
    response = tool_response(small_answer(), request)
    if n == 0:  # the arguments stop mid-object, yet the server calls the answer finished
        body = response.json()
        call = body["choices"][0]["message"]["tool_calls"][0]["function"]
        call["arguments"] = call["arguments"][:300]
        return httpx2.Response(200, json=body)
    return response


def html_error_page(_request: dict[str, Any], _n: int) -> httpx2.Response:
    page = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
    return httpx2.Response(200, headers={"content-type": "text/html"}, text=page)


def unauthorized(_request: dict[str, Any], _n: int) -> httpx2.Response:
    return httpx2.Response(
        401,
        json={
            "error": {
                "message": "Incorrect API key provided: sk-test-****************CRET. You can find your API key at the usual place.",
                "type": "invalid_request_error",
                "code": "invalid_api_key",
            }
        },
    )


def cut_off(request: dict[str, Any], _n: int) -> httpx2.Response:
    response = tool_response(small_answer(), request, finish="length")
    body = response.json()
    arguments = body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
    body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = arguments[: len(arguments) // 2]
    return httpx2.Response(200, json=body)


def cut_off_then_halves(request: dict[str, Any], n: int) -> httpx2.Response:
    """The whole article's answer cut off by length; each half then answered in full: one event
    citing the half's first sentence."""
    if n == 0:
        return cut_off(request, n)
    return chunked_answer(request, with_actor=False)


class FakeServer:
    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.calls = 0

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        response = self.responder(json.loads(request.content), self.calls)
        self.calls += 1
        return response


CURRENT: list[FakeServer] = []


def _handle(_transport: Any, request: httpx2.Request) -> httpx2.Response:
    request.read()
    return CURRENT[-1](request)


async def _handle_async(_transport: Any, request: httpx2.Request) -> httpx2.Response:
    await request.aread()
    return CURRENT[-1](request)


# vcrpy records whatever the transport answers, and it takes the transport when it is imported:
# so the fake one goes in first, and passes each request to the current scenario's server.
httpx2.HTTPTransport.handle_request = _handle  # type: ignore[method-assign,assignment]
httpx2.AsyncHTTPTransport.handle_async_request = _handle_async  # type: ignore[method-assign,assignment]


def author(name: str, what: str, responder: Responder, run: Callable[[], Any]) -> None:
    import vcr

    server = FakeServer(responder)
    CURRENT.append(server)
    recorder = vcr.VCR(**vcr_options(), record_mode="all")
    recorder.register_matcher("json_body", json_body)
    path = AUTHORED / f"{name}.yaml"
    path.unlink(missing_ok=True)
    with recorder.use_cassette(str(path)):
        try:
            run()
        except Exception as error:  # the failure scenarios end in an error, by design
            print(f"{name}: ended with {type(error).__name__}: {error}")
    header = f"# AUTHORED, not a recording: {what} Written by scripts/author_cassettes.py.\n"
    path.write_text(header + path.read_text())
    print(f"{name}: {server.calls} interaction(s) -> {path.relative_to(ROOT)}")


def main() -> None:
    from summarizer import Settings, extract, extract_all, load_document, sources_of, summarize

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    base = Settings(
        model=MODEL, api_key=KEY, mode="tools", max_retries=2, max_reasks=2, cache_dir=None, retry_wait=0.01
    )

    def settings(**changes: Any) -> Settings:
        return Settings(**{**base.__dict__, **changes})

    author(
        "seeds_capable",
        "hand-written answers standing for a capable model (OpenAI tools format) on both seeds.",
        capable,
        lambda: asyncio.run(extract_all(sources_of(seeds), settings=base)),
    )
    author(
        "seeds_briefing",
        "hand-written answers standing for a capable model (OpenAI tools format): extraction of both seeds, then synthesis.",
        briefing,
        lambda: summarize([load_document(p) for p in seeds], settings=base),
    )
    # A developing story: seed A alone, then seed B added to that briefing.
    import tempfile

    from summarizer import render_briefing

    with tempfile.TemporaryDirectory() as folder:
        first = Path(folder) / "briefing_a.json"
        author(
            "update_seed_a",
            "hand-written answers standing for a capable model: seed A's extraction, then a synthesis of it alone.",
            developing,
            lambda: first.write_text(render_briefing(summarize([seeds[0]], settings=base), "json")),
        )
        author(
            "update_add_seed_b",
            "hand-written answers standing for a capable model: seed B's extraction, then a synthesis of A and B together.",
            developing,
            lambda: summarize([seeds[1]], settings=base, since=first),
        )
    author(
        "second_source_fails",
        "hand-written answers: source A extracted, source B answered by HTTP 500 every time, then synthesis.",
        second_source_fails,
        lambda: summarize([load_document(p) for p in seeds], settings=settings(concurrency=1)),
    )
    author(
        "reask_fabricated_quote",
        "hand-written answers: a fabricated quote and a dangling actor, re-asked once, quote kept.",
        fabricated,
        lambda: extract(seeds[0], settings=settings(max_reasks=1)),
    )
    author(
        "prompt_injection",
        "hand-written answers of a model fooled by text injected in the article.",
        fooled,
        lambda: extract(ROOT / "tests" / "data" / "hostile.txt", settings=settings(max_reasks=1)),
    )
    author(
        "long_document",
        "hand-written answers for each part of a long article split to fit the token budget.",
        chunked,
        lambda: extract(ROOT / "tests" / "data" / "long.txt", settings=settings(chunk_tokens=80)),
    )
    # Failures of one short extraction of the first seed: (cassette, what it stands for, server).
    faults: list[tuple[str, str, Responder, dict[str, Any]]] = [
        (
            "rate_limited_then_ok",
            "hand-written 429 with Retry-After: 0, then a short valid answer.",
            rate_limited,
            {},
        ),
        (
            "server_errors_then_ok",
            "hand-written HTTP 500 three times, then a short valid answer.",
            server_errors_then_ok,
            {"max_retries": 3},
        ),
        ("persistent_500", "hand-written HTTP 500 on every attempt.", persistent_500, {}),
        (
            "truncated_json",
            "hand-written answer whose JSON stops mid-object (finish_reason tool_calls), then a valid one.",
            truncated_json,
            {},
        ),
        (
            "html_error_page",
            "hand-written HTML error page (200, text/html) where JSON was expected.",
            html_error_page,
            {},
        ),
        ("unauthorized", "hand-written HTTP 401 for a wrong API key.", unauthorized, {}),
        (
            "cut_off",
            "hand-written answers cut off by the token limit (finish_reason length), for the whole and for every half and quarter.",
            cut_off,
            {},
        ),
        (
            "cut_off_then_halves",
            "hand-written answer cut off by the token limit for the whole article, then whole answers for each half.",
            cut_off_then_halves,
            {},
        ),
    ]
    for name, what, responder, changes in faults:
        author(name, what, responder, lambda changes=changes: extract(seeds[0], settings=settings(**changes)))


if __name__ == "__main__":
    main()
