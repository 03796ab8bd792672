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
    /// A HEIF/HEIC file of a kind the decoder cannot read (another codec, an HDR transfer, a damaged
    /// stream): the owner is told how to make the iPhone save JPEG.
    #[error("this HEIC/HEIF photo cannot be read: {0}")]
    HeicUnsupported(String),
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
                "사진 파일이 아닙니다 (JPEG, HEIC, PNG, WebP, TIFF만 넣을 수 있습니다).".into()
            }
            ImageError::Unsupported(f) => {
                format!(
                    "{f} 형식은 아직 지원하지 않습니다 (JPEG, HEIC, PNG, WebP, TIFF만 넣을 수 있습니다)."
                )
            }
            ImageError::HeicUnsupported(_) => "이 아이폰(HEIC) 사진은 읽을 수 없는 방식으로 저장되어 있습니다. \
                 아이폰의 설정 → 카메라 → 포맷에서 '호환성 우선'을 고르면 JPEG로 찍히니, 그 사진을 넣어 주세요 \
                 (이미 찍은 사진은 사진 앱에서 공유하거나 메일로 보내면 JPEG로 바뀝니다)."
                .into(),
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
                "Not a photo (only JPEG, HEIC, PNG, WebP and TIFF can be added).".into()
            }
            ImageError::Unsupported(f) => {
                format!(
                    "{f} is not supported yet (only JPEG, HEIC, PNG, WebP and TIFF can be added)."
                )
            }
            ImageError::HeicUnsupported(_) => "This iPhone (HEIC) photo is stored in a way the app cannot \
                 read. On the iPhone, Settings → Camera → Formats → \"Most Compatible\" makes the camera save \
                 JPEG: please add that photo (a photo already taken turns into JPEG when shared or mailed \
                 from the Photos app)."
                .into(),
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
