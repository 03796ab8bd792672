//! Why: the command-line contract of design §7 in one place, with generated help.

use std::path::PathBuf;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "gongbang",
    version,
    about = "공방포스트 — 작업 사진으로 블로그 글 만들기 (Gongbang Post CLI)"
)]
pub struct Args {
    /// Library folder (default: the app's data folder).
    #[arg(long, global = true, env = "GONGBANG_LIBRARY", value_name = "DIR")]
    pub library: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Copy photos (files or folders) into the library.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Write one new post folder under --out.
    Export(ExportArgs),
    /// Customers and their policy: add, set, list.
    Client {
        #[command(subcommand)]
        command: ClientCommand,
    },
    /// Record a customer's approval of a job (policy "ask"); kept append-only.
    Approve {
        #[arg(long, value_name = "ID")]
        job: i64,
        /// Who at the customer agreed.
        #[arg(long, value_name = "WHO")]
        by: String,
        /// How: phone, text, e-mail, in person, …
        #[arg(long, value_name = "HOW")]
        how: String,
        #[arg(long)]
        note: Option<String>,
        /// When the customer agreed (default: now).
        #[arg(long, value_name = "DATE")]
        at: Option<String>,
    },
    /// The shop profile (name and contact on the video's end card and in descriptions): set, show.
    Shop {
        #[command(subcommand)]
        command: ShopCommand,
    },
    /// Words that must never leak (besides customers' names): add, list.
    Word {
        #[command(subcommand)]
        command: WordCommand,
    },
    /// Jobs: add, list, show.
    Job {
        #[command(subcommand)]
        command: JobCommand,
    },
    /// Products (what the shop makes; jobs may belong to one): add, list.
    Product {
        #[command(subcommand)]
        command: ProductCommand,
    },
    /// Search the library (titles, job fields, captions, customers, posts, products) by any part of a
    /// word; one line per hit: kind, number, title (tab-separated). Nothing found: no lines, exit 0 (and a
    /// word on standard error); a blank text: exit 2.
    Search {
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
        /// At most this many hits.
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Backups of the whole library: create, restore.
    Backup {
        #[command(subcommand)]
        command: BackupCommand,
    },
    /// A mentor's review: send a post as a review bundle (.gbreview), show a bundle or a reply (.gbreply).
    Review {
        #[command(subcommand)]
        command: ReviewCommand,
    },
    /// The club folder shared with a mentor or a club: set, clear, show (what waits in it).
    Club {
        #[command(subcommand)]
        command: ClubCommand,
    },
    /// Template packs (a mentor's templates, trade notes, lessons, keywords and weights): export, import,
    /// list, remove.
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum ReviewCommand {
    /// Write a review bundle of the job's post into --out (through the same leak guard as an export; exit 3
    /// when it refuses); prints the file last.
    Send {
        #[arg(long, value_name = "ID")]
        job: i64,
        /// The job's post for this platform (default: the post last worked on, or a new Naver draft).
        #[arg(long, value_enum)]
        platform: Option<PlatformArg>,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// A flagged text (a customer's name, a part number) the owner confirms may go out; repeatable.
        #[arg(long = "accept", value_name = "TEXT")]
        accept: Vec<String>,
    },
    /// Show what a review bundle or a reply holds (the file is only read).
    Show {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum ClubCommand {
    /// Use this folder as the club folder (it must exist).
    Set {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Stop using a club folder (nothing in it is touched).
    Clear,
    /// The club folder and the files waiting in it for this library (kind, file, from, title).
    Show,
}

#[derive(Subcommand, Debug)]
pub enum PackCommand {
    /// Make a signed pack of this library's own templates, trade notes, lessons, keywords.toml and
    /// weights.toml in --out; prints the file last.
    Export {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The pack's name (default: "<author> 템플릿 묶음").
        #[arg(long)]
        name: Option<String>,
        /// The maker's name (default: the shop profile's name).
        #[arg(long)]
        author: Option<String>,
    },
    /// Check a pack, print what it changes and install it. An author not trusted yet: exit status 2 with
    /// the name and key fingerprint, unless --trust (then trusted from now on). A changed pack: exit 1.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Trust the pack's author (asked once per key).
        #[arg(long)]
        trust: bool,
    },
    /// List the installed packs, newest first (id, name, author, fingerprint, files).
    List,
    /// Remove an installed pack by its id.
    Remove {
        #[arg(value_name = "ID")]
        id: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ProductCommand {
    /// Create a product; prints its number last.
    Add {
        #[arg(long)]
        name: String,
        /// What kind of thing it is (a part family, our own product, …).
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        material: Option<String>,
        #[arg(long)]
        process: Option<String>,
        #[arg(long)]
        description: Option<String>,
    },
    /// List the products (number, name, material, process, jobs).
    List {
        /// The archived ones too.
        #[arg(long)]
        all: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum BackupCommand {
    /// Write one backup file of the library into --out; prints the file last.
    Create {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Restore a backup file into a NEW library folder given by --library (missing or empty; never over a
    /// library). Use it with `--library NEWDIR`, or switch the app to it from 설정 → 백업.
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
// Parsed once per run: the size difference between variants costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum JobCommand {
    /// Create a job; prints its number last.
    #[command(group(ArgGroup::new("owner").required(true).args(["client", "own"])))]
    Add {
        #[arg(long)]
        title: String,
        /// A customer's job (the customer must exist: `client add`).
        #[arg(long, value_name = "NAME")]
        client: Option<String>,
        /// Our own product.
        #[arg(long)]
        own: bool,
        #[arg(long)]
        material: Option<String>,
        #[arg(long)]
        process: Option<String>,
        #[arg(long)]
        machine: Option<String>,
        #[arg(long)]
        tolerance: Option<String>,
        #[arg(long)]
        finish: Option<String>,
        #[arg(long)]
        quantity: Option<String>,
        #[arg(long = "lead-time")]
        lead_time: Option<String>,
        #[arg(long)]
        story: Option<String>,
        /// The product the job belongs to (its number: `product list`).
        #[arg(long, value_name = "N")]
        product: Option<i64>,
    },
    /// List jobs, newest first.
    List,
    /// Show one job and its photos.
    Show { id: i64 },
}

/// What `export` takes (design §7).
#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub platform: PlatformArg,
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The post's title (also the new job's title when no --job is given).
    #[arg(long)]
    pub title: Option<String>,
    /// Export this job (its photos, plus any given by path).
    #[arg(long, value_name = "ID", conflicts_with_all = ["own", "client"])]
    pub job: Option<i64>,
    /// The new job (no --job) shows our own product.
    #[arg(long, conflicts_with = "client")]
    pub own: bool,
    /// The new job (no --job) is this customer's.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// Cover a box of a photo before export: PHOTO (a file, a photo number or hash) and X,Y,W,H as
    /// fractions 0–1 of the upright photo. Added to the boxes the photo has (drawn in the window or given
    /// before), never replacing them; kept on the photo for later exports too.
    #[arg(long = "redact", value_name = "PHOTO:X,Y,W,H")]
    pub redact: Vec<String>,
    /// Video (youtube, shorts): seconds each photo stays on screen (3–6).
    #[arg(long = "seconds-per-photo", value_name = "S")]
    pub seconds_per_photo: Option<f64>,
    /// Video (youtube, shorts): background music from this file (MP3, M4A, WAV or OGG, up to 50 MB),
    /// looped or cut to the video's length and faded in and out. A copy is kept in the library; the file
    /// is only read. Without it the video is silent. Music that is safe to use: YouTube Studio's Audio
    /// Library (오디오 보관함); commercial songs get a Content ID claim.
    #[arg(long = "music", value_name = "FILE")]
    pub music: Option<PathBuf>,
    /// Export although the text scan flagged this text (logged). Repeat for each.
    #[arg(long = "accept", value_name = "TEXT")]
    pub accept: Vec<String>,
    /// Photos to import and use, in this order.
    #[arg(value_name = "PHOTO")]
    pub photos: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum ClientCommand {
    /// Add a new customer. A name that exists (case, spaces and separators aside) is refused: change a
    /// customer with `client set`.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        policy: PolicyArg,
        /// Another name the customer goes by (the text scan looks for it). Repeat for each.
        #[arg(long = "alias", value_name = "A")]
        aliases: Vec<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Change a customer on purpose: only what is given changes; what changed is printed (and logged).
    Set {
        /// The customer (case, spaces and separators aside).
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        policy: Option<PolicyArg>,
        /// The customer's other names, replacing the list. Repeat for each.
        #[arg(long = "alias", value_name = "A", conflicts_with = "no_aliases")]
        aliases: Vec<String>,
        /// Remove every alias.
        #[arg(long = "no-aliases")]
        no_aliases: bool,
        #[arg(long)]
        note: Option<String>,
    },
    /// List customers.
    List,
}

#[derive(Subcommand, Debug)]
// Parsed once per run: the size difference between variants costs nothing.
#[allow(clippy::large_enum_variant)]
pub enum ShopCommand {
    /// Change the given fields (the others stay as they are).
    Set {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        website: Option<String>,
        #[arg(long)]
        kakao: Option<String>,
        /// A region keyword (문래동, 영등포구, …); repeat for each. Replaces the list.
        #[arg(long = "region", value_name = "WORD")]
        regions: Vec<String>,
        /// A machine (CNC 선반, MCT, 와이어컷, …); repeat for each. Replaces the list.
        #[arg(long = "equipment", value_name = "MACHINE")]
        equipment: Vec<String>,
        /// A material the shop works (SUS304, AL6061, …); repeat for each. Replaces the list.
        #[arg(long = "material", value_name = "MATERIAL")]
        materials: Vec<String>,
        /// The tolerance the shop holds, free text ("±0.01").
        #[arg(long)]
        tolerance: Option<String>,
        /// The part sizes the shop takes, free text ("Ø5–Ø300").
        #[arg(long)]
        sizes: Option<String>,
        /// The lot sizes the shop takes, free text ("1개부터").
        #[arg(long = "lots")]
        lot_sizes: Option<String>,
        /// The logo mark on blog photos and the YouTube thumbnail: on or off (off by default).
        #[arg(long = "logo-mark", value_name = "on|off")]
        logo_mark: Option<OnOff>,
        /// The mark's corner (it moves to a free corner when a redaction box is there).
        #[arg(long = "logo-corner")]
        logo_corner: Option<CornerArg>,
        /// The logo's size, percent of the photo's short side (5–40).
        #[arg(long = "logo-size", value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(5..=40))]
        logo_size: Option<u8>,
        /// The logo's opacity, percent (10–100).
        #[arg(long = "logo-opacity", value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(10..=100))]
        logo_opacity: Option<u8>,
    },
    /// Print the profile.
    Show,
}

#[derive(Subcommand, Debug)]
pub enum WordCommand {
    /// Register a word the text scan flags.
    Add { word: String },
    /// List the registered words.
    List,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnOff {
    On,
    Off,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum CornerArg {
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

impl From<CornerArg> for gongbang_core::ops::Corner {
    fn from(c: CornerArg) -> Self {
        use gongbang_core::ops::Corner;
        match c {
            CornerArg::TopLeft => Corner::TopLeft,
            CornerArg::TopRight => Corner::TopRight,
            CornerArg::BottomLeft => Corner::BottomLeft,
            CornerArg::BottomRight => Corner::BottomRight,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum PolicyArg {
    Public,
    Ask,
    Never,
}

impl From<PolicyArg> for gongbang_core::ops::Policy {
    fn from(p: PolicyArg) -> Self {
        use gongbang_core::ops::Policy;
        match p {
            PolicyArg::Public => Policy::Public,
            PolicyArg::Ask => Policy::Ask,
            PolicyArg::Never => Policy::Never,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum PlatformArg {
    Naver,
    Html,
    Markdown,
    Youtube,
    Shorts,
}

impl From<PlatformArg> for gongbang_core::Platform {
    fn from(p: PlatformArg) -> Self {
        match p {
            PlatformArg::Naver => gongbang_core::Platform::Naver,
            PlatformArg::Html => gongbang_core::Platform::Html,
            PlatformArg::Markdown => gongbang_core::Platform::Markdown,
            PlatformArg::Youtube => gongbang_core::Platform::Youtube,
            PlatformArg::Shorts => gongbang_core::Platform::Shorts,
        }
    }
}
