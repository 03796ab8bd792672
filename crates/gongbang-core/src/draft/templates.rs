//! Why: the draft templates are files in assets/templates that a mentor can edit; they are compiled into
//! the binary so the app never depends on files beside it.

use minijinja::{Environment, Value};

use super::Lang;
use crate::Result;

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

fn environment() -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_filter("josa", |word: String, pair: String| {
        super::josa::attach(&word, &pair)
    });
    for (name, src) in SOURCES {
        env.add_template(name, src)?;
    }
    Ok(env)
}

/// Renders one of the embedded templates.
pub fn render(name: &str, ctx: Value) -> Result<String> {
    let env = environment()?;
    Ok(env.get_template(name)?.render(ctx)?)
}
