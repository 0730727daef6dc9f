"""Generated hostile input (hypothesis) for every command that reads input: random bytes, random
JSON shapes, random metadata strings, odd kinds of file. Whatever comes in, a command ends with
an exit code from the README's table, a few lines on stderr, no traceback, no file written but
the one asked for, and its inputs untouched. Runs with --dry-run where a command would call a
model: reading and checking input all happens before any call."""

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.cli import main

EXIT_CODES = {0, 1, 2}  # ok; problems found or a model call failed; bad input, settings or usage
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
article_like = st.fixed_dictionaries(
    {"text": st.one_of(st.text(max_size=200), st.integers(), st.none())},
    optional={
        "title": json_values,
        "published": st.one_of(st.text(max_size=20), st.integers(), st.none()),
        "outlet": json_values,
        "id": json_values,
        "dct": st.one_of(st.text(max_size=12), st.none()),
        "entities": json_values,
        "timexes": json_values,
    },
)
contents = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(str.encode),
    json_values.map(lambda v: json.dumps(v).encode()),
    article_like.map(lambda v: json.dumps(v).encode()),
    st.sampled_from([b"[" * 5000, b'{"text": ' + b"9" * 5000 + b"}", "ð\n".encode("utf-16-le"), b"\xff\xfe"]),
)
suffixes = st.sampled_from(["", ".txt", ".md", ".json", ".html"])
metadata = st.text(max_size=60)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


def assert_clean(result: Any, before: dict[str, bytes], folder: Path) -> None:
    assert result.exit_code in EXIT_CODES, (result.exit_code, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if line.startswith("summarizer: error:")]
    assert len(errors) <= 1 and len(result.stderr.splitlines()) <= 6, result.stderr
    assert snapshot(folder) == before  # inputs unchanged, nothing written


@pytest.fixture
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


def write(folder: Path, content: bytes, suffix: str) -> Path:
    path = folder / f"input{len(list(folder.iterdir()))}{suffix}"
    path.write_bytes(content)
    return path


@SETTINGS
@given(content=contents, suffix=suffixes, title=metadata, outlet=metadata)
def test_extract_and_brief_on_hostile_files(
    folder: Path, content: bytes, suffix: str, title: str, outlet: str
) -> None:
    path = write(folder, content, suffix)
    before = snapshot(folder)
    for command in (["extract", str(path), "--title", title, "--outlet", outlet], ["brief", str(path)]):
        result = CliRunner().invoke(main, [*command, "--dry-run"])
        assert_clean(result, before, folder)


@SETTINGS
@given(content=contents, suffix=suffixes)
def test_check_render_diff_and_update_on_hostile_briefings(folder: Path, content: bytes, suffix: str) -> None:
    path = write(folder, content, suffix)
    before = snapshot(folder)
    assert_clean(CliRunner().invoke(main, ["check", str(path)]), before, folder)
    assert_clean(CliRunner().invoke(main, ["check", "-"], input=content), before, folder)
    for fmt in ("md", "html"):
        assert_clean(CliRunner().invoke(main, ["render", str(path), "--format", fmt]), before, folder)
    assert_clean(CliRunner().invoke(main, ["diff", str(path), str(path)]), before, folder)
    article = folder / "article.txt"
    article.write_text("Talks\nThe council met on Monday.")
    before = snapshot(folder)
    assert_clean(
        CliRunner().invoke(main, ["brief", str(article), "--since", str(path), "--dry-run"]), before, folder
    )


@SETTINGS
@given(content=contents)
def test_eval_on_hostile_corpora(tmp_path_factory: pytest.TempPathFactory, content: bytes) -> None:
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "article.json").write_bytes(content)
    before = snapshot(corpus)
    for command in (["dates"], ["actors"], ["extract", "--dry-run"]):
        assert_clean(CliRunner().invoke(main, ["eval", *command, str(corpus)]), before, corpus)


@pytest.mark.parametrize("kind", ["missing", "directory", "link loop", "device"])
@pytest.mark.parametrize("command", [["extract", "--dry-run"], ["brief", "--dry-run"], ["check"], ["render"]])
def test_odd_kinds_of_file(folder: Path, kind: str, command: list[str]) -> None:
    path = folder / "odd.json"
    if kind == "directory":
        path.mkdir()
    elif kind == "link loop":
        path.symlink_to(path)
    elif kind == "device":
        path = Path(os.devnull)
    before = snapshot(folder)
    result = CliRunner().invoke(main, [command[0], str(path), *command[1:]])
    assert result.exit_code == 2
    assert_clean(result, before, folder)
