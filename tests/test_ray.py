"""--engine ray: the stories job's reading, near-copy signatures and extraction as Ray Data maps
on a local cluster (two CPUs), its workers asking a local OpenAI-compatible stand-in. The index
and every briefing are those the in-process engine writes; a file that cannot be read is the
same one-line error."""

import importlib.util
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import Settings, brief_stories
from summarizer.cli import main

from .batch_standin import StandIn

pytestmark = [
    pytest.mark.block_network(allowed_hosts=["127.0.0.1"]),
    # Ray's own modules warn of their deprecated settings as they read them; the product's do not.
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*"),
]
DATA = Path(__file__).parent / "data" / "stories"


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    """A local Ray cluster of two CPUs. CI installs the ray extra and must run these tests; a
    checkout without it skips them, saying why."""
    if importlib.util.find_spec("ray") is None:
        message = "Ray is not installed: pip install -e '.[ray]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture
def standin() -> Iterator[StandIn]:
    server = StandIn()
    yield server
    server.close()


def written(folder: Path) -> dict[str, object]:
    """The index and the briefings, as JSON, without what differs by run (tokens counted)."""
    found: dict[str, object] = {"index": json.loads((folder / "index.json").read_text())}
    for path in sorted(folder.glob("S*/briefing.json")):
        briefing = json.loads(path.read_text())
        briefing["generation"].pop("usage")
        found[path.parent.name] = briefing
    return found


def test_the_ray_engine_writes_what_the_local_one_does(
    cluster: None, standin: StandIn, tmp_path: Path
) -> None:
    news = tmp_path / "news"
    shutil.copytree(DATA / "day1", news)
    settings = Settings(
        model="gpt-4o-mini", base_url=standin.base_url, api_key="not-needed", cache_dir=None, max_retries=0
    )
    local = brief_stories(sorted(news.glob("*.json")), tmp_path / "local", settings=settings)
    calls = standin.live_calls
    on_ray = brief_stories(sorted(news.glob("*.json")), tmp_path / "ray", settings=settings, engine="ray")
    assert standin.live_calls == 2 * calls  # the same requests: 8 extractions, 3 syntheses
    assert local.failed == on_ray.failed == [] and on_ray.usage.calls == local.usage.calls
    assert written(tmp_path / "ray") == written(tmp_path / "local")


def test_cli_engine_ray_refuses_an_unreadable_article_in_one_line(cluster: None, tmp_path: Path) -> None:
    news = tmp_path / "news"
    shutil.copytree(DATA / "day1", news)
    (news / "broken.json").write_text("{not json")
    result = CliRunner().invoke(
        main, ["stories", str(news), "-o", str(tmp_path / "out"), "--engine", "ray", "--dry-run"]
    )
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and lines[0] == "reading 10 article files on Ray"  # read on the workers
    assert lines[1:] == [
        f"summarizer: error: {news / 'broken.json'}: is not valid JSON (line 1: Expecting property name enclosed in double quotes)"
    ]
    assert not (tmp_path / "out").exists()
