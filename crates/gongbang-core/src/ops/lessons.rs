//! Why: the 배우기 / Learn screen and the coach's "배우기 ›" links read the lessons through the library, so
//! the owner's and the installed packs' lessons replace the shipped ones.

use crate::draft::Lang;
use crate::lessons::{self, Lesson, LessonSummary};
use crate::{Library, Result};

/// The lessons in `lang`, in order.
pub fn list(lib: &Library, lang: Lang) -> Result<Vec<LessonSummary>> {
    Ok(lessons::list(Some(&lib.overlay()?), lang))
}

/// One lesson in `lang`, ready to draw.
pub fn get(lib: &Library, id: &str, lang: Lang) -> Result<Lesson> {
    lessons::get(Some(&lib.overlay()?), id, lang)
}

/// The lesson that explains the coach check `check`, if any.
pub fn for_check(lib: &Library, check: &str, lang: Lang) -> Result<Option<LessonSummary>> {
    Ok(lessons::for_check(Some(&lib.overlay()?), check, lang))
}
