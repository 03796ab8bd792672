//! Why: a post is the owner's text for one platform, kept as structured blocks so every renderer (Naver
//! text, HTML, Markdown) reads the same thing. Plain data: `repo::posts` stores it.

use serde::{Deserialize, Serialize};

use super::video_settings::VideoSettings;

/// Where a post goes.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// Naver Blog: a copy-paste package (no publish API since 2020-05-06).
    Naver,
    /// Tistory / WordPress: clean HTML (and Markdown) with the photos.
    Html,
    /// Markdown (CommonMark) with the photos.
    Markdown,
    /// YouTube: a 16:9 slideshow video with thumbnail, description, chapters, tags and captions.
    Youtube,
    /// YouTube Shorts: the same as a 9:16 video of at most three minutes.
    Shorts,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Naver => "naver",
            Platform::Html => "html",
            Platform::Markdown => "markdown",
            Platform::Youtube => "youtube",
            Platform::Shorts => "shorts",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "naver" => Platform::Naver,
            "html" => Platform::Html,
            "markdown" => Platform::Markdown,
            "youtube" => Platform::Youtube,
            "shorts" => Platform::Shorts,
            _ => return None,
        })
    }
}

/// One block of a post's body.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    #[serde(rename_all = "camelCase")]
    Photo {
        photo_id: i64,
        caption: String,
    },
    List {
        items: Vec<String>,
    },
    /// A short two-column table (the job's specs): `{"kind":"table","rows":[["소재","SUS304"],…]}`.
    Table {
        rows: Vec<[String; 2]>,
    },
}

/// Where a post stands.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    Draft,
    Exported,
    Published,
}

impl PostStatus {
    pub fn parse(s: &str) -> Self {
        match s {
            "exported" => PostStatus::Exported,
            "published" => PostStatus::Published,
            _ => PostStatus::Draft,
        }
    }
}

/// A post as stored.
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Post {
    pub id: i64,
    pub job_id: i64,
    pub platform: Platform,
    pub title: String,
    pub blocks: Vec<Block>,
    pub tags: Vec<String>,
    pub status: PostStatus,
    pub export_path: Option<String>,
    pub updated_at: String,
    /// The owner's video choices (YouTube and Shorts posts; defaults elsewhere).
    #[serde(default)]
    pub video: VideoSettings,
}

impl Post {
    /// The photo ids of the post, in order.
    pub fn photo_ids(&self) -> Vec<i64> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Photo { photo_id, .. } => Some(*photo_id),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Block;

    #[test]
    fn a_table_crosses_as_kind_table_with_label_value_rows() {
        let b = Block::Table {
            rows: vec![["소재".into(), "SUS304".into()]],
        };
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, r#"{"kind":"table","rows":[["소재","SUS304"]]}"#);
        assert_eq!(serde_json::from_str::<Block>(&json).unwrap(), b);
        assert!(serde_json::from_str::<Block>(r#"{"kind":"table","rows":[["a"]]}"#).is_err());
    }
}
