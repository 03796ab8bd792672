//! Why: the YouTube package's video — a slideshow made from the job's leak-guarded photos (redactions
//! burned in, nothing of the source's metadata), planned on whole frames, rendered and encoded in-process
//! (openh264 + an MP4 muxer), so the app never needs ffmpeg; and the thumbnail, drawn the same way. The
//! plan and the package texts are decided one layer down (`video_plan`), re-exported here.

pub mod build;
mod encode;
mod frames;
mod stills;
mod text_draw;
mod thumbnail;

pub use build::{cleared_video, renderer_for, ClearedVideo};
pub use encode::Control;
pub use frames::Renderer;
pub use text_draw::{covered as font_covers, drawable as drawable_text};
pub use thumbnail::thumbnail;

pub use crate::video_plan::{
    package_text, plan, settings, youtube_tag_length, youtube_texts, Plan, Segment, SegmentKind,
    VideoFormat, VideoSettings, YoutubeTexts, FPS,
};
