//! Why: the draft templates are files in assets/templates that a mentor can edit; they are compiled into
//! the binary so the app never depends on files beside it.

use minijinja::{Environment, Value};

use crate::Result;

/// The Korean blog body.
pub const BLOG_BODY_KO: &str = "blog_body.ko.j2";

/// The Korean text of a YouTube / Shorts description.
pub const YOUTUBE_DESCRIPTION_KO: &str = "youtube_description.ko.j2";

const SOURCES: &[(&str, &str)] = &[
    (
        BLOG_BODY_KO,
        include_str!("../../../../assets/templates/blog_body.ko.j2"),
    ),
    (
        YOUTUBE_DESCRIPTION_KO,
        include_str!("../../../../assets/templates/youtube_description.ko.j2"),
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
