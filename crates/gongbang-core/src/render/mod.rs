//! Why: one post, several formats; each renderer reads the same blocks, and photo N of the text is always
//! `photos/NN.jpg` of the export.

mod html;
mod markdown;
mod naver_text;

pub use html::{article_html, naver_preview_html};
pub use markdown::{escape as escape_markdown, markdown};
pub use naver_text::naver_body;

/// The file name of the N-th photo (1-based) of an export with `count` photos: `01.jpg`, … (at least two
/// digits, more when there are 100 or more, so sorting by name keeps the order).
pub fn photo_file_name(n: usize, count: usize) -> String {
    let width = count.to_string().len().max(2);
    format!("{n:0width$}.jpg")
}

#[cfg(test)]
mod tests {
    use super::photo_file_name;

    #[test]
    fn photo_names_sort_in_order() {
        assert_eq!(photo_file_name(1, 9), "01.jpg");
        assert_eq!(photo_file_name(12, 12), "12.jpg");
        assert_eq!(photo_file_name(7, 120), "007.jpg");
    }
}
