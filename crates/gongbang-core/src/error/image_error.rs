//! Why: a photo that cannot be used must say why in words an owner understands, in Korean and English.
//! Kept with the core's other errors (the foundation), so `CoreError` needs nothing above it; `imaging`
//! re-exports it.

/// Why a photo could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("not a photo format the app knows")]
    NotAnImage,
    #[error("unsupported format {0}")]
    Unsupported(String),
    #[error("the photo is too large ({width}×{height})")]
    TooLarge { width: u32, height: u32 },
    #[error("the file is damaged or incomplete: {0}")]
    Corrupt(String),
    #[error("the decoder crashed on this file")]
    DecoderPanic,
    #[error("the file is empty")]
    Empty,
    #[error("could not encode the photo: {0}")]
    Encode(String),
    #[error("the written photo failed its check: {0}")]
    Verify(String),
}

impl ImageError {
    /// Plain Korean for the owner.
    pub fn message_ko(&self) -> String {
        match self {
            ImageError::NotAnImage => {
                "사진 파일이 아닙니다 (JPEG, PNG, WebP, TIFF만 넣을 수 있습니다).".into()
            }
            ImageError::Unsupported(f) => {
                format!(
                    "{f} 형식은 아직 지원하지 않습니다 (JPEG, PNG, WebP, TIFF만 넣을 수 있습니다)."
                )
            }
            ImageError::TooLarge { width, height } => {
                format!(
                    "사진이 너무 큽니다 ({width}×{height}). 휴대폰 사진 크기로 줄여서 넣어 주세요."
                )
            }
            ImageError::Corrupt(_) => "파일이 손상되었거나 끝까지 저장되지 않았습니다.".into(),
            ImageError::DecoderPanic => "이 파일을 여는 중 문제가 생겨 건너뛰었습니다.".into(),
            ImageError::Empty => "빈 파일입니다.".into(),
            ImageError::Encode(_) => "사진을 새로 저장하지 못했습니다.".into(),
            ImageError::Verify(_) => "저장한 사진 검사에 실패해 내보내지 않았습니다.".into(),
        }
    }

    /// Plain English for the owner.
    pub fn message_en(&self) -> String {
        match self {
            ImageError::NotAnImage => {
                "Not a photo (only JPEG, PNG, WebP and TIFF can be added).".into()
            }
            ImageError::Unsupported(f) => {
                format!("{f} is not supported yet (only JPEG, PNG, WebP and TIFF can be added).")
            }
            ImageError::TooLarge { width, height } => {
                format!("The photo is too large ({width}×{height}). Please use a phone-size photo.")
            }
            ImageError::Corrupt(_) => "The file is damaged or was not saved completely.".into(),
            ImageError::DecoderPanic => "Opening this file failed, so it was skipped.".into(),
            ImageError::Empty => "The file is empty.".into(),
            ImageError::Encode(_) => "The photo could not be saved anew.".into(),
            ImageError::Verify(_) => {
                "The saved photo failed its check, so it was not exported.".into()
            }
        }
    }
}
