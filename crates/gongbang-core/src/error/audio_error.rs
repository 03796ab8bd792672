//! Why: a music file the owner picks for a video and the app cannot use must say why in words an owner
//! understands, in Korean and English, with a stable code per reason (the window and scripts tell a file
//! that is too big from one that is not music). Kept with the core's other errors (the foundation).

/// What the app accepts, for the messages.
const KINDS_KO: &str = "MP3, M4A, WAV, OGG";

/// Why a music file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    #[error("the music file {name} is larger than {limit_mb} MB ({mb} MB)")]
    TooLarge {
        name: String,
        mb: u64,
        limit_mb: u64,
    },
    #[error("{name} is not a music format the app takes (MP3, M4A, WAV, OGG)")]
    Unsupported { name: String },
    #[error("{name} could not be read as music: {detail}")]
    Unreadable { name: String, detail: String },
    #[error("{name} holds too little sound to use")]
    TooShort { name: String },
}

impl AudioError {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            AudioError::TooLarge { .. } => "music_too_large",
            AudioError::Unsupported { .. } => "music_unsupported",
            AudioError::Unreadable { .. } => "music_unreadable",
            AudioError::TooShort { .. } => "music_too_short",
        }
    }

    /// Plain Korean for the owner.
    pub fn message_ko(&self) -> String {
        match self {
            AudioError::TooLarge { name, mb, limit_mb } => format!(
                "음악 파일 '{name}'이(가) 너무 큽니다 ({mb}MB). {limit_mb}MB 이하의 파일을 골라 주세요."
            ),
            AudioError::Unsupported { name } => format!(
                "'{name}'은(는) 넣을 수 있는 음악 형식이 아닙니다 ({KINDS_KO}만 넣을 수 있습니다)."
            ),
            AudioError::Unreadable { name, detail } => format!(
                "음악 파일 '{name}'을(를) 읽을 수 없습니다. 손상되었거나 음악 파일이 아닙니다 ({KINDS_KO}만 넣을 수 있습니다). 원래 파일은 그대로 두었습니다. ({detail})"
            ),
            AudioError::TooShort { name } => format!(
                "음악 파일 '{name}'에 소리가 거의 없습니다 (1초 미만). 다른 파일을 골라 주세요."
            ),
        }
    }

    /// Plain English.
    pub fn message_en(&self) -> String {
        match self {
            AudioError::TooLarge { name, mb, limit_mb } => format!(
                "The music file '{name}' is too large ({mb} MB). Pick a file of {limit_mb} MB or less."
            ),
            AudioError::Unsupported { name } => format!(
                "'{name}' is not a music format the app takes (only {KINDS_KO})."
            ),
            AudioError::Unreadable { name, detail } => format!(
                "The music file '{name}' cannot be read: it is damaged or not music (only {KINDS_KO}). Your file was left as it was. ({detail})"
            ),
            AudioError::TooShort { name } => format!(
                "The music file '{name}' holds almost no sound (under 1 second). Pick another file."
            ),
        }
    }
}
