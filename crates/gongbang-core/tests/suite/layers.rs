//! The core's layers (`layers.txt`): every `crate::x` a module's files use must name a module of the same
//! layer or a lower one, and no modules may use each other in a circle. Reads the sources as text, so a
//! back-edge fails `cargo test` with the file, the line and the two layers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crate's folder (the sources are read from there, also under Wine).
fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The layer table: (layer name, its modules), lowest first.
fn layer_table() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(crate_dir().join("layers.txt")).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, modules) = l.split_once(':').unwrap_or_else(|| {
                panic!("layers.txt: `layer: module module …` expected, not {l:?}")
            });
            (
                name.trim().to_string(),
                modules.split_whitespace().map(str::to_string).collect(),
            )
        })
        .collect()
}

/// Every `.rs` file under `dir`, sorted (also read by `surface.rs`).
pub(super) fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The top-level module a file belongs to (`src/guard/policy.rs` → `guard`), and how deep the file's own
/// module is below the crate root (`src/guard/mod.rs` → 1, `src/guard/policy.rs` → 2).
fn module_of(src: &Path, file: &Path) -> (String, usize) {
    let rel: Vec<String> = file
        .strip_prefix(src)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let stem = |s: &str| s.trim_end_matches(".rs").to_string();
    let top = if rel.len() == 1 {
        stem(&rel[0])
    } else {
        rel[0].clone()
    };
    let depth = if rel.last().is_some_and(|l| l == "mod.rs") {
        rel.len() - 1
    } else {
        rel.len()
    };
    (top, depth)
}

/// One use of another module: where it is and what it names.
#[derive(Debug, Clone)]
struct Use {
    file: String,
    line: usize,
    target: String,
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The leading identifier of `s`.
fn ident(s: &str) -> &str {
    let s = s.trim_start();
    let end = s.find(|c: char| !is_ident_char(c)).unwrap_or(s.len());
    &s[..end]
}

/// The names a path names at its first step after `prefix`: `crate::repo::jobs` → `repo`, and each first
/// name of a group, `crate::{repo::jobs, guard}` → `repo`, `guard`. Returns (byte offset, name).
fn first_names(text: &str, prefix: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(prefix) {
        let start = from + at;
        from = start + prefix.len();
        // `foo_crate::x` or `some::crate::x` is not ours; `(crate::x` and ` crate::x` are.
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| is_ident_char(c) || c == ':') {
            continue;
        }
        let rest = &text[from..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        item_start = false;
                        let name = ident(&group[i..]);
                        if !name.is_empty() {
                            out.push((from + 1 + i, name.to_string()));
                        }
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.push((from, name.to_string()));
            }
        }
    }
    out
}

/// The crate root's re-exports that name a module's item (`pub use library::Library;` → Library → library),
/// so `crate::Library` counts as a use of `library`.
fn root_reexports(src: &Path, modules: &BTreeSet<String>) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut out = BTreeMap::new();
    for stmt in text.split(';') {
        let Some(path) = stmt.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module = ident(path);
        if !modules.contains(module) {
            continue;
        }
        let items = path[module.len()..].trim_start_matches("::");
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let last = item.trim().rsplit("::").next().unwrap_or_default();
            let name = last.rsplit(" as ").next().unwrap_or_default().trim();
            if !name.is_empty() && name != "self" {
                out.insert(name.to_string(), module.to_string());
            }
        }
    }
    out
}

/// Every use of another top-level module, per module. Comment lines are left out (a doc comment may name
/// any module in words).
fn uses() -> BTreeMap<String, Vec<Use>> {
    let src = crate_dir().join("src");
    let files = rust_files(&src);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(&src, f).0)
        .filter(|m| m != "lib")
        .collect();
    let reexports = root_reexports(&src, &modules);
    let mut out: BTreeMap<String, Vec<Use>> = BTreeMap::new();
    for file in &files {
        let (module, depth) = module_of(&src, file);
        if module == "lib" {
            continue;
        }
        let text: String = std::fs::read_to_string(file)
            .unwrap()
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("//") {
                    ""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        // `super::` as many times as the file is deep reaches the crate root, like `crate::`.
        let root_super = "super::".repeat(depth);
        let mut found = first_names(&text, "crate::");
        found.extend(first_names(&text, &root_super));
        let shown = file
            .strip_prefix(crate_dir())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let entry = out.entry(module.clone()).or_default();
        for (offset, name) in found {
            let target = if modules.contains(&name) {
                name
            } else if let Some(m) = reexports.get(&name) {
                m.clone()
            } else {
                continue;
            };
            if target != module {
                entry.push(Use {
                    file: format!("crates/gongbang-core/{shown}"),
                    line: text[..offset].matches('\n').count() + 1,
                    target,
                });
            }
        }
    }
    out
}

/// The layers of the modules: (index, name) per module.
fn layer_of() -> BTreeMap<String, (usize, String)> {
    let mut out = BTreeMap::new();
    for (i, (layer, modules)) in layer_table().into_iter().enumerate() {
        for m in modules {
            assert!(
                out.insert(m.clone(), (i, layer.clone())).is_none(),
                "layers.txt names `{m}` twice"
            );
        }
    }
    out
}

#[test]
fn every_module_has_a_layer_and_every_layer_entry_is_a_module() {
    let layers = layer_of();
    let found: BTreeSet<String> = uses().keys().cloned().collect();
    let missing: Vec<&String> = found.iter().filter(|m| !layers.contains_key(*m)).collect();
    assert!(
        missing.is_empty(),
        "these modules of gongbang-core are in no layer: {missing:?}; add each to its layer in \
         crates/gongbang-core/layers.txt (and ARCHITECTURE.md)"
    );
    let stale: Vec<&String> = layers.keys().filter(|m| !found.contains(*m)).collect();
    assert!(
        stale.is_empty(),
        "crates/gongbang-core/layers.txt names modules that do not exist: {stale:?}"
    );
}

#[test]
fn no_module_uses_a_higher_layer() {
    let layers = layer_of();
    let mut wrong = Vec::new();
    for (module, list) in uses() {
        let Some((from, from_name)) = layers.get(&module) else {
            continue;
        };
        for u in list {
            let Some((to, to_name)) = layers.get(&u.target) else {
                continue;
            };
            if to > from {
                wrong.push(format!(
                    "{}:{}: `{module}` (layer {from_name}) uses `crate::{}` (layer {to_name}), a higher layer",
                    u.file, u.line, u.target
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "back-edges against crates/gongbang-core/layers.txt (move the shared item down, or the user up):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_modules_use_each_other_in_a_circle() {
    let all = uses();
    let edges: BTreeMap<&str, BTreeMap<&str, &Use>> = all
        .iter()
        .map(|(m, list)| {
            let mut to: BTreeMap<&str, &Use> = BTreeMap::new();
            for u in list {
                to.entry(u.target.as_str()).or_insert(u);
            }
            (m.as_str(), to)
        })
        .collect();
    // Depth-first search; a module met again on the current path closes a circle.
    fn visit<'a>(
        m: &'a str,
        edges: &BTreeMap<&'a str, BTreeMap<&'a str, &'a Use>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = path.iter().position(|p| *p == m) {
            let mut circle = path[at..].to_vec();
            circle.push(m);
            return Some(circle);
        }
        if !done.insert(m) {
            return None;
        }
        path.push(m);
        for next in edges.get(m).into_iter().flat_map(|t| t.keys()) {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        if let Some(circle) = visit(m, &edges, &mut Vec::new(), &mut done) {
            let steps: Vec<String> = circle
                .windows(2)
                .map(|w| {
                    let u = edges[w[0]][w[1]];
                    format!("  {} → {} ({}:{})", w[0], w[1], u.file, u.line)
                })
                .collect();
            panic!(
                "modules of gongbang-core use each other in a circle:\n{}",
                steps.join("\n")
            );
        }
    }
}

#[test]
fn architecture_md_shows_the_layer_table() {
    let doc = std::fs::read_to_string(crate_dir().join("../../ARCHITECTURE.md")).unwrap();
    for (layer, modules) in layer_table() {
        let row = format!("| {layer} | {} |", modules.join(", "));
        assert!(
            doc.contains(&row),
            "ARCHITECTURE.md does not show the layer {layer:?} as in layers.txt; expected the row\n{row}"
        );
    }
}
