//! Why: the IPC contract is declared once (ipc.rs); the files the webview, tauri-build and the capability
//! need are made from that declaration and committed. The test `ipc_contract` makes them again and fails,
//! naming the file and the command to run, when a committed one differs; with `GONGBANG_WRITE_IPC=1` it
//! writes them instead.

use std::io;
use std::path::{Path, PathBuf};

use heck::ToLowerCamelCase;
use serde::Serialize;
use specta::datatype::{DataType, Primitive};
use specta::Type;
use specta_typescript::Typescript;
use specta_util::Remapper;
use tauri_specta::{BuilderConfiguration, LanguageExt};

/// Set to 1 to write the files instead of checking them.
const WRITE_ENV: &str = "GONGBANG_WRITE_IPC";
/// The command that writes them, as the failure says it.
const WRITE_COMMAND: &str = "GONGBANG_WRITE_IPC=1 cargo test -p gongbang-post ipc_contract";

/// The TypeScript bindings ui/src/backend.ts (and only it) imports.
const BINDINGS: &str = "ui/src/bindings.ts";
/// The command list build.rs hands to tauri-build (build scripts cannot run the crate's code).
const COMMAND_LIST: &str = "gen/commands.json";
/// The window's capability: exactly the app's commands and event listening.
const CAPABILITY: &str = "capabilities/main-window.json";

const CAPABILITY_ID: &str = "main-window";
const CAPABILITY_DESCRIPTION: &str = "The wizard window: the app's own commands and event listening (import and export progress, file drops). No file system, shell, dialog, opener or clipboard access from the webview: those run in Rust.";
/// Listening to the events (import and export progress, Tauri's file drop); the webview emits none.
const EVENT_PERMISSIONS: [&str; 2] = ["core:event:allow-listen", "core:event:allow-unlisten"];

const BINDINGS_HEADER: &str = "// Made from src-tauri/ipc.rs by `GONGBANG_WRITE_IPC=1 cargo test -p gongbang-post ipc_contract`.\n// Do not edit: change the Rust declaration and run that command.";

/// A capability file as tauri-build reads it (fields in the order they are written).
#[derive(Serialize)]
struct Capability {
    #[serde(rename = "$schema")]
    schema: &'static str,
    identifier: &'static str,
    description: &'static str,
    windows: [&'static str; 1],
    permissions: Vec<String>,
}

/// The TypeScript bindings, with every float as `number`. specta-typescript writes `f64` as `number | null`
/// because serde_json sends NaN and the infinities as null; the app sends neither (redaction coordinates are
/// checked and video seconds clamped before they are stored), and the window has always read them as numbers.
struct Bindings;

impl LanguageExt for Bindings {
    type Error = specta_typescript::Error;

    fn export(self, cfg: &BuilderConfiguration, path: &Path) -> Result<(), Self::Error> {
        let number = <specta_typescript::Number as Type>::definition(&mut specta::Types::default());
        let floats = Remapper::new()
            .rule(DataType::Primitive(Primitive::f32), number.clone())
            .rule(DataType::Primitive(Primitive::f64), number);
        let mut cfg = cfg.clone();
        cfg.types = floats.remap_types(cfg.types);
        for command in &mut cfg.commands {
            for (_, arg) in &mut command.args {
                *arg = floats.remap_dt(arg.clone());
            }
            command.result = command.result.take().map(|dt| floats.remap_dt(dt));
        }
        LanguageExt::export(Typescript::default().header(BINDINGS_HEADER), &cfg, path)
    }
}

/// The files besides the bindings, made from the builder's configuration.
#[derive(Default)]
struct Manifests {
    command_list: String,
    capability: String,
    /// Appended to the bindings: each command's argument names, which the generated functions take by
    /// position, so the mock backend's records are typed by name too.
    signatures: String,
}

/// tauri-specta hands every exporter the same configuration; this one keeps what the manifests need.
struct ManifestExporter<'a>(&'a mut Manifests);

impl LanguageExt for ManifestExporter<'_> {
    type Error = io::Error;

    fn export(self, cfg: &BuilderConfiguration, _path: &Path) -> Result<(), io::Error> {
        let names: Vec<&str> = cfg
            .commands
            .iter()
            .map(specta::datatype::Function::name)
            .collect();
        let mut permissions: Vec<String> = EVENT_PERMISSIONS
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        permissions.extend(
            names
                .iter()
                .map(|n| format!("allow-{}", n.replace('_', "-"))),
        );
        let capability = Capability {
            schema: "../gen/schemas/desktop-schema.json",
            identifier: CAPABILITY_ID,
            description: CAPABILITY_DESCRIPTION,
            windows: ["main"],
            permissions,
        };
        self.0.command_list = json(&names)?;
        self.0.capability = json(&capability)?;
        let mut s = String::from(
            "\n/** Each command's wire name, its function in `commands` and its arguments' JSON names in order. */\nexport type CommandSignatures = {\n",
        );
        for c in &cfg.commands {
            let args: Vec<String> = c
                .args()
                .iter()
                .map(|(name, _)| format!("\"{}\"", name.to_lower_camel_case()))
                .collect();
            s.push_str(&format!(
                "\t{}: {{ fn: \"{}\"; args: [{}] }};\n",
                c.name(),
                cfg.function_casing.apply(c.name()),
                args.join(", ")
            ));
        }
        s.push_str("};\n");
        self.0.signatures = s;
        Ok(())
    }
}

fn json<T: Serialize>(value: &T) -> io::Result<String> {
    let mut s = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    s.push('\n');
    Ok(s)
}

/// Every generated file, by its path from the repository root, as the declaration makes it now.
fn render() -> Vec<(&'static str, String)> {
    let builder = crate::ipc::builder();
    let scratch: PathBuf =
        std::env::temp_dir().join(format!("gongbang-bindings-{}.ts", std::process::id()));
    builder
        .export(Bindings, &scratch)
        .expect("the TypeScript bindings could not be made");
    let mut bindings = std::fs::read_to_string(&scratch).expect("the bindings were not written");
    let _ = std::fs::remove_file(&scratch);
    let mut manifests = Manifests::default();
    builder
        .export(ManifestExporter(&mut manifests), &scratch)
        .expect("the manifests could not be made");
    bindings.push_str(&manifests.signatures);
    vec![
        (BINDINGS, bindings),
        (COMMAND_LIST, manifests.command_list),
        (CAPABILITY, manifests.capability),
    ]
}

#[test]
fn ipc_contract() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let write = std::env::var(WRITE_ENV).as_deref() == Ok("1");
    let mut stale = Vec::new();
    for (rel, text) in render() {
        let path = root.join(rel);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if write {
            std::fs::write(&path, text).expect("a generated file could not be written");
        } else {
            stale.push(rel);
        }
    }
    assert!(
        stale.is_empty(),
        "out of date with the IPC declaration (src-tauri/ipc.rs): {}. Run `{WRITE_COMMAND}` and commit the result.",
        stale.join(", ")
    );
}
