//! Why: a mentor's review without a server of our own (issue 15): the owner sends one file holding exactly
//! what would be published (the guard decides as for an export), the mentor opens it in the same app and
//! writes a reply file, the owner opens the reply and answers each note. Files travel by whatever the shops
//! already share (KakaoTalk, e-mail, a USB stick, a synced folder).

mod answer;
pub mod format;
mod mentor;
mod send;

pub use answer::{accept, decline, of_post, open_reply, undo, REPLIES_FOLDER};
pub use format::{
    not_a_review_file, read_bundle, read_bundle_manifest, read_reply, BundleBlock, BundleCheck,
    BundleCoach, BundleManifest, BundlePost, BundleText, ReplyFile, BUNDLE_EXT, REPLY_EXT,
};
pub use mentor::{
    add_note, delete_note, open_bundle, received_list, update_note, view, write_reply, BundleView,
    WrittenReply, RECEIVED_FOLDER,
};
pub use send::{send, SentBundle};
