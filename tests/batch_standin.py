"""A local stand-in for an OpenAI-compatible server with the Batch API: chat completions, file
upload and download, batches created, polled (in progress once, then completed) and answered
line by line, with chosen lines failing into the error file. 127.0.0.1 only, standard library
only. Its answers are built from each request by ``respond`` (what a capable model could say)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from summarizer.testing import PROMPT_SENTENCE


def respond(body: dict[str, Any]) -> dict[str, Any]:
    """A chat completion whose tool call fills the requested schema from the prompt's sentences."""
    tool = body["tools"][0]["function"]["name"]
    content = body["messages"][1]["content"]
    lines = PROMPT_SENTENCE.findall(content)
    cite = [{"sentence_id": lines[0][0], "quote": " ".join(lines[0][1].split()[:5])}]
    if tool.startswith("Extraction"):
        arguments: dict[str, Any] = {
            "actors": [],
            "events": [
                {"what": text, "evidence": [{"sentence_id": sid, "quote": " ".join(text.split()[:5])}]}
                for sid, text in lines
            ],
            "claims": [],
        }
    else:
        arguments = {
            "title": "Stand-in note",
            "bottom_line": [{"text": lines[0][1], "evidence": cite}],
            "key_points": [],
            "claims": [
                {"claim_id": c, "status": "single_source", "explanation": "One source.", "evidence": cite}
                for c in re.findall(r"^- (C\d+) ", content, re.M)
            ],
            "discrepancies": [],
        }
    call = {
        "id": "call_1",
        "type": "function",
        "function": {"name": tool, "arguments": json.dumps(arguments)},
    }
    return {
        "id": "chatcmpl-standin",
        "object": "chat.completion",
        "created": 0,
        "model": body["model"],
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {"role": "assistant", "content": None, "tool_calls": [call]},
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
    }


class StandIn:
    """The server, in a thread; what it was asked is counted."""

    def __init__(
        self,
        answer: Callable[[dict[str, Any]], dict[str, Any]] = respond,
        fail_lines: frozenset[int] = frozenset(),
    ) -> None:
        self.answer = answer
        self.fail_lines = set(fail_lines)
        self.live_calls = 0
        self.asked: list[str] = []  # the schema each live call filled: ExtractionDraft, SynthesisDraft
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.polls = 0
        self.finish = True  # False: batches stay in progress
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _run(self, batch: dict[str, Any]) -> None:
        output, errors = [], []
        for number, line in enumerate(self.files[batch["input_file_id"]].decode().splitlines()):
            request = json.loads(line)
            if number in self.fail_lines:
                failure = {
                    "status_code": 500,
                    "request_id": "r",
                    "body": {"error": {"message": "server error"}},
                }
                errors.append(
                    {
                        "id": f"r{number}",
                        "custom_id": request["custom_id"],
                        "response": failure,
                        "error": None,
                    }
                )
            else:
                response = {"status_code": 200, "request_id": "r", "body": self.answer(request["body"])}
                output.append(
                    {
                        "id": f"r{number}",
                        "custom_id": request["custom_id"],
                        "response": response,
                        "error": None,
                    }
                )
        for kind, records in (("output_file_id", output), ("error_file_id", errors)):
            if records:
                name = f"file-{len(self.files) + 1}"
                self.files[name] = "".join(json.dumps(r) + "\n" for r in records).encode()
                batch[kind] = name
        total = len(output) + len(errors)
        batch.update(
            status="completed",
            request_counts={"total": total, "completed": len(output), "failed": len(errors)},
        )

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                return None

            def _send(self, payload: Any, raw: bytes | None = None) -> None:
                data = raw if raw is not None else json.dumps(payload).encode()
                self.send_response(200)
                self.send_header(
                    "Content-Type", "application/octet-stream" if raw is not None else "application/json"
                )
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.path.endswith("/chat/completions"):
                    standin.live_calls += 1
                    request = json.loads(body)
                    standin.asked.append(request["tools"][0]["function"]["name"])
                    return self._send(standin.answer(request))
                if self.path.endswith("/files"):
                    header = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
                    message = BytesParser(policy=policy.default).parsebytes(header + body)
                    (part,) = [
                        p
                        for p in message.iter_parts()
                        if p.get_param("name", header="content-disposition") == "file"
                    ]
                    name = f"file-{len(standin.files) + 1}"
                    standin.files[name] = part.get_payload(decode=True)
                    return self._send(
                        {
                            "id": name,
                            "object": "file",
                            "bytes": len(standin.files[name]),
                            "created_at": 0,
                            "filename": "requests.jsonl",
                            "purpose": "batch",
                            "status": "processed",
                        }
                    )
                if self.path.endswith("/batches"):
                    request = json.loads(body)
                    batch = {
                        "id": f"batch_{len(standin.batches) + 1}",
                        "object": "batch",
                        "endpoint": request["endpoint"],
                        "input_file_id": request["input_file_id"],
                        "completion_window": request["completion_window"],
                        "status": "validating",
                        "created_at": 0,
                    }
                    standin.batches[batch["id"]] = batch
                    return self._send(batch)
                self.send_error(404)

            def do_GET(self) -> None:
                if "/batches/" in self.path:
                    batch = standin.batches[self.path.rsplit("/", 1)[1]]
                    standin.polls += 1
                    if batch["status"] == "in_progress" and standin.finish:
                        standin._run(batch)
                    elif batch["status"] == "validating":
                        total = len(standin.files[batch["input_file_id"]].splitlines())
                        batch.update(
                            status="in_progress", request_counts={"total": total, "completed": 0, "failed": 0}
                        )
                    return self._send(batch)
                if self.path.endswith("/content"):
                    return self._send(None, standin.files[self.path.split("/")[-2]])
                self.send_error(404)

        return Handler
