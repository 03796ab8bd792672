//! Why: the window is drawn by Microsoft's WebView2 runtime. Windows 11 and current Windows 10 have it, but
//! when a PC lacks it Tauri shows only an English "Could not find the WebView2 Runtime" box. This check runs
//! before the Tauri builder and tells the owner in Korean (then English) what is wrong and what to do, offers
//! to open the download page, and ends the app. Windows only (see main.rs).

use rfd::{MessageButtons, MessageDialog, MessageDialogResult, MessageLevel};

/// Microsoft's WebView2 page, where the "Evergreen Bootstrapper" is downloaded.
pub const DOWNLOAD_PAGE: &str = "https://developer.microsoft.com/microsoft-edge/webview2/";

/// The message window's title; it names the app so the owner (and the install test, with xdotool) finds it.
pub const TITLE: &str = "공방포스트 — WebView2 런타임이 필요합니다 / WebView2 Runtime needed";

/// The exit status when the runtime is missing (the window never opened).
const EXIT_NO_WEBVIEW2: i32 = 3;

// Short: the message box does not widen its buttons for long labels (seen cut under Wine).
const OPEN_BUTTON: &str = "열기 / Open";
const CLOSE_BUTTON: &str = "닫기 / Close";

/// Returns when the WebView2 runtime is installed; otherwise explains, offers the download page, and exits.
pub fn ensure_runtime() {
    let problem = match tauri::webview_version() {
        Ok(version) if is_usable_version(&version) => return,
        Ok(version) => format!("version {version}"),
        Err(e) => e.to_string(),
    };
    let answer = MessageDialog::new()
        .set_level(MessageLevel::Warning)
        .set_title(TITLE)
        .set_description(message(&problem))
        .set_buttons(MessageButtons::OkCancelCustom(
            OPEN_BUTTON.to_string(),
            CLOSE_BUTTON.to_string(),
        ))
        .show();
    if matches!(&answer, MessageDialogResult::Custom(label) if label == OPEN_BUTTON) {
        if let Err(e) = tauri_plugin_opener::open_url(DOWNLOAD_PAGE, None::<&str>) {
            MessageDialog::new()
                .set_level(MessageLevel::Error)
                .set_title(TITLE)
                .set_description(format!(
                    "다운로드 페이지를 열지 못했습니다. 브라우저에서 직접 여세요:\n{DOWNLOAD_PAGE}\n\n\
                     Could not open the download page. Open it in a browser:\n{DOWNLOAD_PAGE}\n\n({e})"
                ))
                .set_buttons(MessageButtons::Ok)
                .show();
        }
    }
    std::process::exit(EXIT_NO_WEBVIEW2);
}

/// A version string names an installed runtime unless it is empty or all zeros ("0.0.0.0" is what a
/// removed runtime leaves in the registry).
fn is_usable_version(version: &str) -> bool {
    let version = version.trim();
    !version.is_empty() && version.chars().any(|c| c.is_ascii_digit() && c != '0')
}

/// The message: Korean first, then English; `problem` is the technical detail, last.
fn message(problem: &str) -> String {
    format!(
        "공방포스트 창을 그리는 데 필요한 Microsoft WebView2 런타임이 이 PC에 없어서 공방포스트를 시작할 수 \
         없습니다.\n\n\
         해결 방법:\n\
         1. [열기]를 눌러 WebView2 다운로드 페이지를 여세요 ({DOWNLOAD_PAGE}).\n\
         2. 페이지에서 'Evergreen Bootstrapper'를 내려받아 실행하고 설치를 마치세요.\n\
         3. 공방포스트를 다시 시작하세요. 사진 보관함은 그대로 있습니다.\n\n\
         Gongbang Post cannot start: the Microsoft WebView2 Runtime, which draws its window, is not installed \
         on this PC.\n\n\
         What to do: press Open for the download page, download and run the \"Evergreen Bootstrapper\", then start \
         Gongbang Post again. Your photo library is kept.\n\n\
         (자세히 / Details: {problem})"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_or_empty_version_means_absent() {
        assert!(!is_usable_version(""));
        assert!(!is_usable_version("0.0.0.0"));
        assert!(!is_usable_version("  "));
        assert!(is_usable_version("131.0.2903.70"));
    }

    #[test]
    fn message_is_korean_first_and_names_the_fix() {
        let text = message("not found");
        let korean = text.find("WebView2 런타임").expect("Korean part");
        let english = text.find("cannot start").expect("English part");
        assert!(korean < english);
        assert!(text.contains("Evergreen Bootstrapper"));
        assert!(text.contains(DOWNLOAD_PAGE));
        assert!(TITLE.contains("공방포스트"));
    }
}
