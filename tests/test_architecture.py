"""The layout's rules, checked on the source: nothing private is imported across modules, no
module grows past 400 lines, and the layers only import downwards (plain-code packages never
reach the model, the model layer never reaches the stages, only the CLI knows click)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "summarizer"
CODE = [
    p for folder in ("summarizer", "tests", "scripts", "benchmarks") for p in (ROOT / folder).rglob("*.py")
]

# package -> the packages of summarizer it may import (top-level modules such as errors, settings
# and vocabulary are open to all); the rest of the package is above it.
ALLOWED = {
    "documents": set(),
    "dates": set(),
    "actors": set(),
    "text": {"documents"},
    "support": {"text", "dates"},
    "schema": {"documents", "text", "dates", "actors", "support"},
    "llm": {"documents", "text", "schema"},
    "stages": {"documents", "text", "dates", "actors", "schema", "llm", "support"},
    "render": {"schema", "text", "documents", "support"},
}
PACKAGES = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()} | {
    "pipeline",
    "assembly",
    "check",
    "plan",
}


def imported(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import in a file, relative imports resolved within the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(ROOT).with_suffix("").parts
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(parts[: len(parts) - node.level])
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((module, [alias.name for alias in node.names]))
    return found


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_private_is_imported(path: Path) -> None:
    for module, names in imported(path):
        if not module.startswith("summarizer"):
            continue
        private = [n for n in [*module.split("."), *names] if n.startswith("_") and n != "__future__"]
        assert not private, f"{path.relative_to(ROOT)} imports {private} from {module}"


def test_no_module_over_400_lines() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 400
    }
    assert long == {}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_downwards_only(layer: str) -> None:
    for path in (PACKAGE / layer).rglob("*.py"):
        for module, _ in imported(path):
            parts = module.split(".")
            if parts[0] == "summarizer" and len(parts) > 1 and parts[1] in PACKAGES - {layer}:
                assert parts[1] in ALLOWED[layer], f"{path.relative_to(ROOT)} imports {module}"


def test_only_the_cli_knows_click() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        assert all(m.split(".")[0] != "click" for m, _ in imported(path)), path


def calls(path: Path) -> set[str]:
    """The dotted names called in a file ('validating', 'instructor.patch') and attributes set."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        target = node.func if isinstance(node, ast.Call) else None
        if isinstance(node, ast.Assign):
            found |= {f"={t.attr}" for t in node.targets if isinstance(t, ast.Attribute)}
        if target is not None:
            found.add(ast.unparse(target))
    return found


def test_one_reask_loop() -> None:
    """Validation, re-asks and the lenient last attempt have one home, llm/asking.py, which every
    model reaches: no model class fills drafts itself (models only complete an attempt)."""
    loop = PACKAGE / "llm" / "asking.py"
    policy = {"validating", "instructor.patch", "=lenient"}
    for path in PACKAGE.rglob("*.py"):
        if path != loop:
            assert not calls(path) & policy, f"{path.relative_to(ROOT)} runs a re-ask loop of its own"
    assert calls(loop) >= policy
    for path in (PACKAGE / "llm").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                methods = {f.name for f in node.body if isinstance(f, ast.AsyncFunctionDef | ast.FunctionDef)}
                assert "fill" not in methods, f"{node.name} fills drafts itself"
