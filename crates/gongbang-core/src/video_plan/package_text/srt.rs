//! Why: `captions.srt` gives YouTube the captions as text (searchable, readable with sound off, translatable)
//! at exactly the times the plan shows each photo, so they match the burned-in ones frame for frame.

use crate::draft::youtube_limits::clean_line;
use crate::video_plan::plan::{Plan, SegmentKind};

/// `HH:MM:SS,mmm`, as SRT writes times.
pub fn srt_time(ms: u64) -> String {
    let (h, m, s, ms) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{h:02}:{m:02}:{s:02},{ms:03}")
}

/// The captions file: a cue for the title card (`title_card`, when not empty) and one for every photo with
/// a caption, numbered from 1, at the plan's times. A cue's lines are the caption's non-empty lines (a blank
/// line would end the cue), with `<` `>` replaced (SRT readers take them for markup) and no `-->`.
pub fn srt(plan: &Plan, title_card: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    for s in &plan.segments {
        let text = match s.kind {
            SegmentKind::Title => title_card,
            SegmentKind::Photo { .. } => s.caption.as_str(),
            SegmentKind::End => continue,
        };
        let lines: Vec<String> = text
            .lines()
            .map(|l| clean_line(&l.replace("-->", "→")))
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        n += 1;
        out.push_str(&format!(
            "{n}\n{} --> {}\n{}\n\n",
            srt_time(s.start_ms),
            srt_time(s.end_ms),
            lines.join("\n")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_srt_times() {
        assert_eq!(srt_time(0), "00:00:00,000");
        assert_eq!(srt_time(3_033), "00:00:03,033");
        assert_eq!(srt_time(3_723_456), "01:02:03,456");
    }
}
