"""Re-record cassettes/recorded/ against any OpenAI-compatible endpoint, then replay them.

    python scripts/record_cassettes.py --base-url http://127.0.0.1:8080/v1 --model gemma3-270m --mode json
    SUMMARIZER_RECORD_API_KEY=sk-... python scripts/record_cassettes.py --model gpt-4o-mini --mode tools

The endpoint is written to cassettes/recorded/endpoint.json (never the key: headers carrying it
are filtered out of the cassettes), so that the tests replay with the same settings.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "cassettes" / "recorded"
TESTS = "tests/test_recorded.py"


def main() -> None:
    parser = argparse.ArgumentParser(description="Re-record the real-traffic cassettes.")
    parser.add_argument("--base-url", help="OpenAI-compatible server; omit for OpenAI itself")
    parser.add_argument("--model", required=True)
    parser.add_argument("--mode", default="json", choices=["tools", "json_schema", "json", "md_json"])
    parser.add_argument("--max-tokens", type=int, default=1024)
    parser.add_argument("--max-reasks", type=int, default=2)
    args = parser.parse_args()
    endpoint = {
        "server": "llama.cpp (llama-cpp-python server), scripts/local_server.py"
        if args.base_url
        else "OpenAI",
        "base_url": args.base_url,
        "model": args.model,
        "mode": args.mode,
        "max_tokens": args.max_tokens,
        "max_reasks": args.max_reasks,
    }
    RECORDED.mkdir(parents=True, exist_ok=True)
    (RECORDED / "endpoint.json").write_text(json.dumps(endpoint, indent=2) + "\n")
    for old in RECORDED.glob("*.yaml"):
        old.unlink()
    pytest = [sys.executable, "-m", "pytest", TESTS, "-s", "-p", "no:cacheprovider"]
    # Recording is the one time tests reach a server: without the suite's --block-network.
    subprocess.run([*pytest, "-o", "addopts=", "--record-mode=once"], cwd=ROOT, check=True)
    subprocess.run([*pytest, "--record-mode=none"], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
