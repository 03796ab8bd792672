//! Why: the owner should never face an empty page; a first draft is made from the job's facts and photos
//! by templates a mentor can edit (assets/templates), then kept as structured blocks.

mod josa;
mod keywords;
mod markup;
mod templates;
mod video;

use serde::Serialize;

use crate::library::Library;
use crate::repo::jobs::{self, Job};
use crate::repo::photos::{self, Photo};
use crate::repo::posts::{self, Block, Platform, Post};
use crate::Result;

pub use josa::{attach as attach_josa, strip_particle};
pub use keywords::{main_keyword, suggest_tags, suggest_title, suggest_video_title};
pub use markup::parse as parse_markup;
pub use video::video_caption;

#[derive(Serialize)]
struct PhotoCtx {
    number: usize,
    role: String,
    caption: String,
}

#[derive(Serialize)]
struct JobCtx<'a> {
    title: &'a str,
    material: &'a str,
    process: &'a str,
    machine: &'a str,
    tolerance: &'a str,
    finish: &'a str,
    quantity: &'a str,
    lead_time: &'a str,
    story: &'a str,
}

/// A draft before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub blocks: Vec<Block>,
    pub tags: Vec<String>,
}

/// Writes a draft for `platform` from a job and its photos (in order): a blog post for Naver, HTML and
/// Markdown; a video's title, description and photo captions for YouTube and Shorts.
pub fn compose(job: &Job, photos: &[Photo], platform: Platform) -> Result<Draft> {
    let ctx = context(job, photos);
    match platform {
        Platform::Youtube | Platform::Shorts => video::compose(job, photos, ctx),
        Platform::Naver | Platform::Html | Platform::Markdown => {
            let text = templates::render(templates::BLOG_BODY_KO, ctx)?;
            Ok(Draft {
                title: suggest_title(&job.fields),
                blocks: markup::parse(&text, photos),
                tags: suggest_tags(&job.fields),
            })
        }
    }
}

/// What the templates see (assets/templates/README.md).
fn context(job: &Job, photos: &[Photo]) -> minijinja::Value {
    let f = &job.fields;
    minijinja::context! {
        job => JobCtx {
            title: &f.title, material: &f.material, process: &f.process, machine: &f.machine,
            tolerance: &f.tolerance, finish: &f.finish, quantity: &f.quantity, lead_time: &f.lead_time,
            story: &f.story,
        },
        photos => photos.iter().enumerate().map(|(i, p)| PhotoCtx {
            number: i + 1,
            role: p.role.map(|r| r.label_ko().to_string()).unwrap_or_default(),
            caption: p.caption.clone(),
        }).collect::<Vec<_>>(),
        keyword => main_keyword(&job.fields),
    }
}

/// Makes a fresh draft for a job: replaces the text of the job's post for `platform` (one post per job
/// and platform), or creates that post.
pub fn make_draft(lib: &mut Library, job_id: i64, platform: Platform) -> Result<Post> {
    let job = jobs::get(lib.conn(), job_id)?;
    let photos = photos::for_job(lib.conn(), job_id)?;
    let draft = compose(&job, &photos, platform)?;
    match posts::latest_for_job(lib.conn(), job_id, Some(platform))? {
        Some(existing) => posts::save(
            lib.conn_mut(),
            existing.id,
            &draft.title,
            &draft.blocks,
            &draft.tags,
        ),
        None => posts::create(
            lib.conn_mut(),
            job_id,
            platform,
            &draft.title,
            &draft.blocks,
            &draft.tags,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repo::jobs::JobFields;

    fn job(fields: JobFields) -> Job {
        Job {
            id: 1,
            fields,
            created_at: String::new(),
            updated_at: String::new(),
            owner_kind: None,
            client_id: None,
        }
    }

    #[test]
    fn opening_lines_stay_separate_sentences() {
        let d = compose(
            &job(JobFields {
                title: "샤프트".into(),
                material: "SUS304".into(),
                process: "CNC 선반".into(),
                ..JobFields::default()
            }),
            &[],
            Platform::Naver,
        )
        .unwrap();
        let Block::Paragraph { text } = &d.blocks[0] else {
            panic!("{:?}", d.blocks[0]);
        };
        assert!(
            text.starts_with("안녕하세요. 이번에 작업한 샤프트를 소개합니다.\nSUS304 소재를 CNC 선반으로 가공했습니다."),
            "{text}"
        );
    }

    fn photo(id: i64, role: Option<crate::PhotoRole>, caption: &str) -> Photo {
        Photo::sample(id, role, caption)
    }

    #[test]
    fn a_video_draft_is_paragraphs_then_every_photo_with_a_caption() {
        let photos = [
            photo(7, Some(crate::PhotoRole::Stock), ""),
            photo(3, None, "  정삭  "),
            photo(5, None, ""),
        ];
        for platform in [Platform::Youtube, Platform::Shorts] {
            let d = compose(
                &job(JobFields {
                    title: "샤프트".into(),
                    material: "SUS304".into(),
                    process: "CNC 선반".into(),
                    story: "## 떨림\n- 방진구".into(),
                    ..JobFields::default()
                }),
                &photos,
                platform,
            )
            .unwrap();
            assert_eq!(d.title, "CNC 선반 SUS304 샤프트");
            let Block::Paragraph { text } = &d.blocks[0] else {
                panic!("{:?}", d.blocks);
            };
            assert_eq!(
                text,
                "이번 영상에서는 샤프트 작업 과정을 보여 드립니다.\nSUS304 소재를 CNC 선반으로 가공했습니다."
            );
            let n = d.blocks.len();
            assert!(d.blocks[..n - 3]
                .iter()
                .all(|b| matches!(b, Block::Paragraph { .. })));
            assert_eq!(
                d.blocks[n - 3..],
                [
                    Block::Photo {
                        photo_id: 7,
                        caption: "소재".into()
                    },
                    Block::Photo {
                        photo_id: 3,
                        caption: "정삭".into()
                    },
                    Block::Photo {
                        photo_id: 5,
                        caption: "가공 과정".into()
                    },
                ]
            );
            assert_eq!(d.tags[0], "CNC 선반 SUS304 가공");
            assert!(crate::video::youtube_tag_length(&d.tags) <= 500);
        }
    }

    #[test]
    fn an_empty_job_still_gives_a_clean_draft() {
        let d = compose(&job(JobFields::default()), &[], Platform::Naver).unwrap();
        let text = crate::render::naver_body(&d.blocks);
        assert!(
            text.starts_with("안녕하세요. 이번에 작업한 부품을 소개합니다."),
            "{text}"
        );
        assert!(
            !text.contains("작업 사양") && !text.contains("{{"),
            "{text}"
        );
        assert!(text.contains("도면만 보내주시면 견적 드립니다."));
    }
}
