#!/usr/bin/env python3
"""The module graph of gongbang-core: which top-level module uses which (`crate::x` in its files), and the
cycles among them. Reads the sources as text; builds nothing.

    python3 scripts/core-graph.py            the edges, one module per line, then the cycles
    python3 scripts/core-graph.py --dot      the same as Graphviz dot
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "crates" / "gongbang-core" / "src"
# `crate::x`, `super::x` at the top level, and the names inside `use crate::{a, b::c}`.
CRATE_PATH = re.compile(r"\bcrate::(\{[^}]*\}|[a-z_][a-z0-9_]*)", re.S)
FIRST_NAME = re.compile(r"(?:^|[{,])\s*([a-z_][a-z0-9_]*)")


def module_of(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def edges() -> dict[str, set[str]]:
    modules = {module_of(p) for p in SRC.rglob("*.rs")} - {"lib"}
    graph: dict[str, set[str]] = defaultdict(set)
    for path in SRC.rglob("*.rs"):
        src = module_of(path)
        text = path.read_text(encoding="utf-8")
        for m in CRATE_PATH.finditer(text):
            names = FIRST_NAME.findall(m.group(1)) if m.group(1).startswith("{") else [m.group(1)]
            for name in names:
                if name in modules and name != src and src != "lib":
                    graph[src].add(name)
        graph.setdefault(src, set())
    graph.pop("lib", None)
    return graph


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
    print(f"gongbang-core: {len(graph)} modules, {n_edges} edges")
    for a in sorted(graph):
        print(f"  {a:<12} -> {', '.join(sorted(graph[a])) or '-'}")
    found = cycles(graph)
    print(f"cycles: {len(found)}")
    for comp in found:
        print(f"  {len(comp)} modules reach each other: {', '.join(comp)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
