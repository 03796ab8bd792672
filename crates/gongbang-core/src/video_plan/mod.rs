//! Why: what a video will be, decided before any pixel is read — the cut list on whole frames (`plan`) and
//! the texts YouTube takes beside it (title, description with chapters, tags, captions: `package_text`) —
//! so the drafts, the coach, the guard's scan of the package texts and the renderer (`video`) all follow
//! the same plan.

pub mod package_text;
pub mod plan;

pub use crate::domain::video_settings as settings;
pub use crate::domain::VideoSettings;
pub use package_text::{default_subtitle, youtube_tag_length, youtube_texts, YoutubeTexts};
pub use plan::{format_for, plan, Plan, Segment, SegmentKind, VideoFormat, FPS};
