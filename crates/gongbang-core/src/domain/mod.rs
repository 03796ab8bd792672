//! Why: the things the trade talks about — jobs, photos, posts, customers and their policies, approvals,
//! redaction boxes, the shop, the guard's log, the calendar's events — as plain data with their own small
//! rules and no SQL, so every layer above reads the same types and storage (`repo`) only maps rows to them.

pub mod approval;
pub mod client;
pub mod guard_log;
pub mod job;
pub mod library;
pub mod pack;
pub mod photo;
pub mod photo_quality;
pub mod post;
pub mod post_event;
pub mod product;
pub mod redaction;
pub mod replacement;
pub mod review;
pub mod shop_profile;
pub mod video_settings;

pub use approval::{Approval, NewApproval};
pub use client::{Client, ClientInput, Policy};
pub use guard_log::{LogEntry, LogKind, NewEntry};
pub use job::{Job, JobFields, OwnerKind, RemovedBlock, RemovedFromPost, RemovedPhoto};
pub use library::{
    ClientChange, ClientChoice, ClientDetail, FilterChoices, HitKind, JobCard, LibraryFilter,
    LibraryPage, PhotoPage, PhotoTile, PostedFilter, ProductDetail, ProductPost, Removal,
    RemovalKind, SearchHit,
};
pub use pack::{
    ExportedPack, InstalledPack, KeywordChange, PackAuthor, PackChangeKind, PackFileChange,
    PackPreview, WeightChange,
};
pub use photo::{Photo, PhotoRole};
pub use photo_quality::PhotoQuality;
pub use post::{Block, Platform, Post, PostStatus};
pub use post_event::{EventKind, PostEvent};
pub use product::{JobKind, Product, ProductInput};
pub use redaction::RedactBox;
pub use replacement::Replacement;
pub use shop_profile::{Corner, LogoWatermark, ShopProfile};
pub use video_settings::{Music, VideoSettings};
