"""The evaluation commands: scoring functions on hand-checked cases, the CLI on a small made-up
set, and the targets on the real annotated news in ../shared/eval (when it is beside the repo)."""

from pathlib import Path

from click.testing import CliRunner

from summarizer.cli import main
from summarizer.evaluation import b_cubed, ceaf_e

MINI = Path(__file__).parent / "data" / "meantime"


def test_scores_on_a_hand_checked_case() -> None:
    system, gold = [["a", "b", "c"], ["d"]], [["a", "b"], ["c", "d"]]
    b3 = b_cubed(system, gold)
    assert (round(b3.precision, 4), round(b3.recall, 4)) == (0.6667, 0.75)
    ceaf = ceaf_e(system, gold)  # best alignment: {a,b}~{a,b,c} 0.8, {c,d}~{d} 2/3
    assert (round(ceaf.precision, 4), round(ceaf.recall, 4)) == (0.7333, 0.7333)
    assert b_cubed(gold, gold).f1 == 1.0 and ceaf_e(gold, gold).f1 == 1.0


def test_eval_commands_on_a_small_set() -> None:
    dates = CliRunner().invoke(main, ["eval", "dates", str(MINI)])
    assert dates.exit_code == 0
    assert dates.stdout.splitlines()[-1] == "dates accuracy: 1.000 (n=5)"
    actors = CliRunner().invoke(main, ["eval", "actors", str(MINI)])
    assert actors.exit_code == 0
    assert actors.stdout.splitlines()[1].split() == ["demo", "8", "3", "3"] + ["1.000"] * 6
    assert actors.stdout.splitlines()[-1] == "actors B3 F1: 1.000"


def test_eval_of_a_missing_directory_is_a_clear_error(tmp_path: object) -> None:
    result = CliRunner().invoke(main, ["eval", "dates", "/nonexistent/dir"])
    assert result.exit_code == 2
    assert result.stderr == "summarizer: error: /nonexistent/dir: is not a directory of annotated articles\n"


def test_targets_on_meantime(meantime: Path) -> None:
    dates = CliRunner().invoke(main, ["eval", "dates", str(meantime)])
    accuracy = float(dates.stdout.splitlines()[-1].split()[2])
    assert accuracy >= 0.90, dates.stdout
    actors = CliRunner().invoke(main, ["eval", "actors", str(meantime)])
    f1 = float(actors.stdout.splitlines()[-1].split()[-1])
    assert f1 >= 0.90, actors.stdout
