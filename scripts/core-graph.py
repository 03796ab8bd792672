#!/usr/bin/env python3
"""The module graph of gongbang-core: which top-level module uses which (`crate::x` in its files, comment
lines skipped), the layer of each (crates/gongbang-core/layers.txt), the cycles and the back-edges. Reads the
sources as text; builds nothing. The build's own check is crates/gongbang-core/tests/suite/layers.rs.

    python3 scripts/core-graph.py            the edges, one module per line, then the cycles
    python3 scripts/core-graph.py --dot      the same as Graphviz dot
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "crates" / "gongbang-core"
SRC = ROOT / "src"
LAYERS = ROOT / "layers.txt"
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def module_of(path: Path) -> tuple[str, int]:
    """The top-level module of a file, and how deep the file's own module is below the crate root."""
    rel = path.relative_to(SRC)
    top = rel.parts[0] if len(rel.parts) > 1 else rel.stem
    depth = len(rel.parts) - 1 if rel.name == "mod.rs" else len(rel.parts)
    return top, depth


def first_names(text: str, prefix: str) -> list[str]:
    """The first step of every path after `prefix`: `crate::repo::x` → repo; `crate::{a::{b}, c}` → a, c."""
    out = []
    start = 0
    while (at := text.find(prefix, start)) >= 0:
        start = at + len(prefix)
        if at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_:"):
            continue
        rest = text[start:]
        if rest.startswith("{"):
            depth, item_start = 0, True
            for i, c in enumerate(rest[1:], 1):
                if c == "{":
                    depth += 1
                elif c == "}":
                    if depth == 0:
                        break
                    depth -= 1
                elif c == "," and depth == 0:
                    item_start = True
                elif item_start and not c.isspace():
                    item_start = False
                    if m := IDENT.match(rest, i):
                        out.append(m.group(0))
        elif m := IDENT.match(rest):
            out.append(m.group(0))
    return out


def root_reexports(modules: set[str]) -> dict[str, str]:
    """`pub use library::Library;` in lib.rs: `crate::Library` is a use of `library`."""
    out = {}
    for stmt in (SRC / "lib.rs").read_text(encoding="utf-8").split(";"):
        stmt = stmt.strip()
        if not stmt.startswith("pub use "):
            continue
        path = stmt[len("pub use ") :]
        module = IDENT.match(path).group(0)
        if module not in modules:
            continue
        items = path[len(module) :].lstrip(":").strip("{}")
        for item in items.split(","):
            name = item.strip().split("::")[-1].split(" as ")[-1].strip()
            if name and name != "self":
                out[name] = module
    return out


def edges() -> dict[str, set[str]]:
    """Every `crate::x` (and `super::x` reaching the crate root) per top-level module; comment lines skipped."""
    files = sorted(SRC.rglob("*.rs"))
    modules = {module_of(p)[0] for p in files} - {"lib"}
    reexports = root_reexports(modules)
    graph: dict[str, set[str]] = defaultdict(set)
    for path in files:
        src, depth = module_of(path)
        if src == "lib":
            continue
        graph.setdefault(src, set())
        text = "\n".join(
            "" if line.lstrip().startswith("//") else line for line in path.read_text(encoding="utf-8").splitlines()
        )
        for name in first_names(text, "crate::") + first_names(text, "super::" * depth):
            target = name if name in modules else reexports.get(name)
            if target and target != src:
                graph[src].add(target)
    return graph


def layers() -> dict[str, tuple[int, str]]:
    """The layer of each module from layers.txt (index, name), lowest first."""
    out = {}
    if not LAYERS.exists():
        return out
    n = 0
    for line in LAYERS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, mods = line.split(":", 1)
        for m in mods.split():
            out[m] = (n, name.strip())
        n += 1
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main() -> int:
    graph = edges()
    if "--dot" in sys.argv[1:]:
        print("digraph core {")
        for a in sorted(graph):
            for b in sorted(graph[a]):
                print(f'  "{a}" -> "{b}";')
        print("}")
        return 0
    n_edges = sum(len(v) for v in graph.values())
    layer = layers()
    print(f"gongbang-core: {len(graph)} modules, {n_edges} edges")
    order = sorted(graph, key=lambda m: (layer.get(m, (99, ""))[0], m))
    for a in order:
        where = layer.get(a, (99, "?"))[1]
        print(f"  {where:<10} {a:<12} -> {', '.join(sorted(graph[a])) or '-'}")
    found = cycles(graph)
    print(f"cycles: {len(found)}")
    for comp in found:
        print(f"  {len(comp)} modules reach each other: {', '.join(comp)}")
    back = [(a, b) for a in order for b in sorted(graph[a]) if a in layer and b in layer and layer[b][0] > layer[a][0]]
    print(f"back-edges against layers.txt: {len(back)}")
    for a, b in back:
        print(f"  {a} ({layer[a][1]}) -> {b} ({layer[b][1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
