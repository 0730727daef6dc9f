"""What ``-o`` may touch: a regular file is replaced atomically; a link is followed and stays a
link; a device or a FIFO gets the text written into it and stays what it was (as root, a rename
over /dev/null would have replaced it for the whole machine); ``-o -`` is stdout."""

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import InputError
from summarizer.cli import main
from summarizer.files import write_atomic


def render_to(root: Path, output: str) -> object:
    briefing = str(root / "examples" / "seeds_briefing.json")
    return CliRunner().invoke(main, ["render", briefing, "--format", "md", "-o", output])


def test_a_link_is_followed_and_stays_a_link(root: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "note.md"
    link.symlink_to(target)
    result = render_to(root, str(link))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("# ")


def test_a_link_loop_is_one_line(tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(InputError, match="link"):
        write_atomic(loop, "text")


def test_a_fifo_gets_the_text_and_stays_a_fifo(root: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    result = render_to(root, str(fifo))
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received and received[0].startswith("# ")


def test_a_device_gets_the_text_and_stays_a_device() -> None:
    write_atomic("/dev/null", "text")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not list(Path("/dev").glob(".null.*.tmp"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="this system has no /dev/full")
def test_a_full_device_is_a_one_line_error(root: Path) -> None:
    result = render_to(root, "/dev/full")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert result.stderr.strip().splitlines() == [  # type: ignore[attr-defined]
        "summarizer: error: /dev/full: cannot be written (No space left on device)"
    ]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dash_is_stdout(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = render_to(root, "-")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert result.stdout.startswith("# ")  # type: ignore[attr-defined]
    assert not (tmp_path / "-").exists()
