//! Why: the draft templates are files in assets/templates that a mentor can edit; they are compiled into
//! the binary so the app never depends on files beside it, and a mentor's edited copy in the library's
//! `templates/` folder is used instead when there is one (no rebuild to improve the writing), else an
//! installed pack's (the newest first, see `Library::overlay`).
use std::sync::{Arc, Mutex, PoisonError};

use minijinja::value::Rest;
use minijinja::{Environment, Value};

use super::variety::Picker;
use super::Lang;
use crate::library::Overlay;
use crate::Result;

/// The folder of a library whose `.j2` files replace the shipped templates of the same name.
pub const OVERRIDE_FOLDER: &str = "templates";

/// The blog body.
pub fn blog_body(lang: Lang) -> &'static str {
    lang.pick("blog_body.ko.j2", "blog_body.en.j2")
}

/// The text of a YouTube / Shorts description.
pub fn youtube_description(lang: Lang) -> &'static str {
    lang.pick("youtube_description.ko.j2", "youtube_description.en.j2")
}

/// The contact section of a blog post.
pub fn contact(lang: Lang) -> &'static str {
    lang.pick("contact.ko.j2", "contact.en.j2")
}

const SOURCES: &[(&str, &str)] = &[
    (
        "blog_body.ko.j2",
        include_str!("../../../../assets/templates/blog_body.ko.j2"),
    ),
    (
        "blog_body.en.j2",
        include_str!("../../../../assets/templates/blog_body.en.j2"),
    ),
    (
        "youtube_description.ko.j2",
        include_str!("../../../../assets/templates/youtube_description.ko.j2"),
    ),
    (
        "youtube_description.en.j2",
        include_str!("../../../../assets/templates/youtube_description.en.j2"),
    ),
    (
        "contact.ko.j2",
        include_str!("../../../../assets/templates/contact.ko.j2"),
    ),
    (
        "contact.en.j2",
        include_str!("../../../../assets/templates/contact.en.j2"),
    ),
];

/// Whether `name` is one of the templates the app uses (what a library or a pack may replace).
pub fn is_known(name: &str) -> bool {
    SOURCES.iter().any(|(n, _)| *n == name)
}

/// Whether `src` compiles as the template `name` in the app's own environment (filters and functions
/// included): how a pack's template is checked before it is installed.
pub fn check(name: &str, src: &str) -> Result<()> {
    let picker = Arc::new(Mutex::new(Picker::new("", 0, "")));
    let mut env = base_environment(&picker);
    env.add_template_owned(name.to_string(), src.to_string())?;
    Ok(())
}

fn base_environment(picker: &Arc<Mutex<Picker>>) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_filter("josa", |word: String, pair: String| {
        super::josa::attach(&word, &pair)
    });
    // one_of("A", "B", "C"): one of the phrasings, chosen for this job and never one the draft already
    // used (see variety.rs).
    let shared = Arc::clone(picker);
    env.add_function("one_of", move |options: Rest<String>| -> String {
        let slot = options.first().cloned().unwrap_or_default();
        shared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pick(&slot, &options)
            .unwrap_or_default()
    });
    env
}

fn environment(
    picker: &Arc<Mutex<Picker>>,
    overlay: Option<&Overlay>,
) -> Result<Environment<'static>> {
    let mut env = base_environment(picker);
    for (name, src) in SOURCES {
        let edited =
            overlay.map_or_else(Vec::new, |o| o.files(&format!("{OVERRIDE_FOLDER}/{name}")));
        // A mentor's template that does not compile is not used: the next one (a pack's, else the shipped
        // one) still drafts.
        let took_edited = edited.iter().any(|path| {
            std::fs::read_to_string(path)
                .is_ok_and(|text| env.add_template_owned(*name, text).is_ok())
        });
        if !took_edited {
            env.add_template(name, src)?;
        }
    }
    Ok(env)
}

/// Renders one of the templates (the library's or a pack's edited copy from `overlay` when there is one),
/// choosing the phrasings of `one_of` with `picker`.
pub fn render_with(
    name: &str,
    ctx: Value,
    picker: &mut Picker,
    overlay: Option<&Overlay>,
) -> Result<String> {
    let shared = Arc::new(Mutex::new(std::mem::replace(
        picker,
        Picker::new("", 0, ""),
    )));
    let out =
        environment(&shared, overlay).and_then(|env| Ok(env.get_template(name)?.render(ctx)?));
    let env_dropped =
        Arc::try_unwrap(shared).map(|m| m.into_inner().unwrap_or_else(PoisonError::into_inner));
    if let Ok(p) = env_dropped {
        *picker = p;
    }
    out
}
