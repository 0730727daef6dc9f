"""The layout's rules, checked on the source: nothing private is imported across modules, no
module grows past 400 lines, and the layers only import downwards (plain-code packages never
reach the model, the model layer never reaches the stages, only the CLI knows click); the import
graph has no cycle, even counting imports made only for type checking; a package never imports a
loose module above it; outside the CLI every import of the package's own modules is at the top
of the module (a late one goes through ``lazy.deferred``, which names it there too), and the
start-up tricks (the collector, modules loaded by name) live in the CLI and ``lazy.py`` alone;
and there is one re-ask loop."""

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
    "text": {"documents", "dates"},
    "support": {"text", "dates", "actors"},
    "schema": {"documents", "text", "dates", "actors", "support"},
    "llm": {"documents", "text", "schema"},
    "stages": {"documents", "text", "dates", "actors", "schema", "llm", "support"},
    "render": {"schema", "text", "documents", "support"},
}
# Loose modules every layer may import (they import no other part of the package but each other)
# and those that sit on top of the packages, beside the CLI and the evaluation.
FOUNDATION = {"errors", "settings", "vocabulary", "lazy", "files", "running"}
ABOVE = {
    "pipeline",
    "assembly",
    "check",
    "check_extractions",
    "check_records",
    "store",
    "update",
    "plan",
    "differences",
    "verified",
    "caches",
}
ON_TOP = {"cli", "evaluation", "stories"}
PACKAGES = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()} | ABOVE


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


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def targets(path: Path, node: ast.AST) -> set[str]:
    """The package's modules that one import statement, or one ``deferred(...)`` call, names."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name in MODULES}
    if isinstance(node, ast.ImportFrom):
        parts = path.relative_to(ROOT).with_suffix("").parts
        base = ".".join(parts[: len(parts) - node.level]) if node.level else ""
        module = ".".join(p for p in (base, node.module or "") if p)
        submodules = {f"{module}.{a.name}" for a in node.names} & MODULES.keys()
        return submodules or ({module} & MODULES.keys())
    if isinstance(node, ast.Call) and ast.unparse(node.func) == "deferred":
        argument = node.args[0]  # a library's name, or f"{__package__}.assembly", f"{__name__}.html"
        if isinstance(argument, ast.Constant):
            return {argument.value} & MODULES.keys()
        base = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
        return {base + ast.unparse(argument).split("}", 1)[1].rstrip("\"'")}
    return set()


def edges(path: Path, *, typing: bool = True) -> set[str]:
    """The package's modules a file imports: every import statement (at the top, in a function,
    and, with ``typing``, for type checking only) and every module it defers through
    ``lazy.deferred``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    guarded = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for n in ast.walk(block)
    }
    found = set()
    for node in ast.walk(tree):
        if typing or id(node) not in guarded:
            found |= targets(path, node)
    return found - {module_name(path)}


def test_the_import_graph_has_no_cycle() -> None:
    graph = {name: edges(path) for name, path in MODULES.items()}
    assert all(target in MODULES for targets in graph.values() for target in targets)
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            assert state.get(target) != "open", f"import cycle: {' -> '.join([*trail, name, target])}"
            if target not in state:
                visit(target, [*trail, name])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [])


def test_no_package_imports_a_loose_module_above_it() -> None:
    for name, path in MODULES.items():
        package = path.relative_to(PACKAGE).parts[0]
        if package.endswith(".py") or package in ON_TOP:  # a loose module, or a package on top
            continue
        for target in edges(path):
            loose = target.split(".")[1]
            assert loose not in ABOVE, f"{name} imports {target}, which sits above its package"
    loose_modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__", "testing"}
    assert loose_modules == FOUNDATION | ABOVE, "place the new loose module in FOUNDATION or ABOVE"
    for name in FOUNDATION:  # at run time; a name for type checking only may come from above
        for target in edges(MODULES[f"summarizer.{name}"], typing=False):
            assert target.split(".")[1] in FOUNDATION, f"summarizer.{name} imports {target}"


def late_imports(path: Path) -> list[str]:
    """The package's own modules imported inside a function of this file."""
    found = []
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and (
                    node.level or (node.module or "").startswith("summarizer")
                ):
                    found.append(f"{function.name}: {'.' * node.level}{node.module}")
    return found


def test_the_import_graph_a_reader_sees_is_the_real_one() -> None:
    """Outside the CLI, every module (the package's own or a library) is imported at the top of a
    module, or deferred there by name through lazy.deferred; only lazy.py loads modules by name or
    pauses the collector, and only the CLI tunes it for a process of its own."""
    for path in PACKAGE.rglob("*.py"):
        where = path.relative_to(PACKAGE).parts
        if where[0] == "cli":
            continue
        assert late_imports(path) == [], f"{path.relative_to(ROOT)} imports inside functions"
        if path.name != "lazy.py":
            used = calls(path)
            assert not {"import_module", "gc.freeze", "gc.disable", "gc.set_threshold"} & used, path
            assert not any(m == "importlib" or m == "gc" for m, _ in imported(path)), path


def test_no_public_name_is_shadowed_by_a_module() -> None:
    """Importing a module of the package makes it an attribute of its parent: a public name of the
    root must not be a module's name, or it changes once the pipeline has run."""
    import importlib
    import types

    import summarizer

    for name in MODULES.keys() - {"summarizer.__main__"}:  # that one runs the command line
        importlib.import_module(name)
    for name in summarizer.__all__:
        assert not isinstance(getattr(summarizer, name), types.ModuleType), name


def test_a_model_given_as_anything_else_is_one_typed_error() -> None:
    import summarizer

    with pytest.raises(summarizer.ConfigError, match="model= takes a model's name"):
        summarizer.summarize(["a.txt"], model=42)  # type: ignore[arg-type]
