//! Why: the operations the window and the CLI call — one function per thing the owner does, over a
//! `Library` and never a database connection, so the shell and the CLI stay adapters and cannot go around a
//! rule by writing rows themselves. Each op only composes: the rules stay in the layers below (the guard, the
//! drafts, the coach, the calendar) and the rows in `repo`; an op that writes twice does so in one
//! transaction. The outputs (`import`, `export`, `video`) already take a `Library` or a `Clearance` and are
//! called as they are. `tests/suite/surface.rs` keeps the shell and the CLI on this surface.

pub mod backup;
pub mod calendar;
pub mod clients;
pub mod club;
pub mod guard;
pub mod jobs;
pub mod lessons;
pub mod library;
pub mod packs;
pub mod photos;
pub mod posts;
pub mod preview;
pub mod products;
pub mod review;
pub mod session;
pub mod settings;
pub mod shop;

pub use crate::domain::client::changes as client_changes;
pub use crate::domain::{
    Approval, Block, Client, ClientChange, ClientChoice, ClientDetail, ClientInput, Corner,
    ExportedPack, FilterChoices, HitKind, InstalledPack, Job, JobCard, JobFields, JobKind,
    KeywordChange, LibraryFilter, LibraryPage, LogoWatermark, NewApproval, OwnerKind, PackAuthor,
    PackChangeKind, PackFileChange, PackPreview, Photo, PhotoPage, PhotoRole, PhotoTile, Platform,
    Policy, Post, PostStatus, PostedFilter, Product, ProductDetail, ProductInput, ProductPost,
    RedactBox, Removal, RemovalKind, RemovedPhoto, SearchHit, ShopProfile, VideoSettings,
    WeightChange,
};
pub use crate::lessons::{Lesson, LessonBlock, LessonSummary, Span};
