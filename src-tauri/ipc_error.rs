//! Why: errors cross IPC as `{code, messageKo, messageEn}` so the window can show the owner a plain message
//! in his language and tests can match on the code.

use serde::Serialize;

/// An error as the window receives it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub code: String,
    pub message_ko: String,
    pub message_en: String,
}

impl IpcError {
    /// An unexpected failure inside the app.
    pub fn internal(detail: String) -> Self {
        IpcError {
            code: "internal".into(),
            message_ko: format!("프로그램 내부 오류가 생겼습니다: {detail}"),
            message_en: format!("Internal error: {detail}"),
        }
    }

    /// A copy button pressed when the post has no export in this session (the texts to copy are an
    /// export's, as the leak guard cleared them).
    pub fn not_exported() -> Self {
        IpcError {
            code: "not_exported".into(),
            message_ko: "먼저 내보내기를 해 주세요. 복사할 글은 내보낸 글입니다.".into(),
            message_en: "Export the post first: the copy buttons copy the exported texts.".into(),
        }
    }

    /// The system clipboard refused the text.
    pub fn clipboard(detail: &str) -> Self {
        IpcError {
            code: "clipboard".into(),
            message_ko: format!(
                "클립보드에 복사하지 못했습니다. 내보낸 폴더의 파일을 열어 복사해 주세요. ({detail})"
            ),
            message_en: format!(
                "Could not copy to the clipboard. Open the file in the export folder and copy from it. ({detail})"
            ),
        }
    }

    /// The owner closed a dialog without choosing.
    pub fn cancelled() -> Self {
        IpcError {
            code: "cancelled".into(),
            message_ko: "취소했습니다.".into(),
            message_en: "Cancelled.".into(),
        }
    }
}

impl From<gongbang_core::CoreError> for IpcError {
    fn from(e: gongbang_core::CoreError) -> Self {
        IpcError {
            code: e.code().into(),
            message_ko: e.message_ko(),
            message_en: e.message_en(),
        }
    }
}

impl From<gongbang_ai::AiError> for IpcError {
    fn from(e: gongbang_ai::AiError) -> Self {
        IpcError {
            code: e.code().into(),
            message_ko: e.message_ko(),
            message_en: e.message_en(),
        }
    }
}
