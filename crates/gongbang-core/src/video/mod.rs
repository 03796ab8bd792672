//! Why: the YouTube package's video — a slideshow made from the job's leak-guarded photos (redactions
//! burned in, nothing of the source's metadata), planned on whole frames, rendered and encoded in-process
//! (openh264 + an MP4 muxer), so the app never needs ffmpeg.

pub mod build;
pub mod encode;
pub mod frames;
pub mod package_text;
pub mod plan;
pub mod stills;
pub mod text_draw;

pub use crate::domain::video_settings as settings;
pub use crate::domain::VideoSettings;
pub use build::renderer_for;
pub use encode::{encode_to, Control};
pub use frames::Renderer;
pub use package_text::{youtube_tag_length, youtube_texts, YoutubeTexts};
pub use plan::{plan, Plan, Segment, SegmentKind, VideoFormat, FPS};
