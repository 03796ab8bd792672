//! Why: an owner cannot act on "os error 32". A file error is told as what happened and what to do, in
//! Korean and English, for the reasons that differ between Linux and Windows (a file another program holds,
//! a read-only file, a name Windows refuses, a path too long, a full disk); the OS's own text follows it.

use std::io;

/// A file error's reason in plain words, Korean and English, or `None` when the OS text says it best.
pub fn reason(e: &io::Error) -> Option<(&'static str, &'static str)> {
    if let Some(r) = os_specific(e) {
        return Some(r);
    }
    Some(match e.kind() {
        io::ErrorKind::NotFound => (
            "파일이나 폴더가 없습니다. 옮겨졌거나 지워졌는지, USB나 외장 디스크가 빠졌는지 확인해 주세요.",
            "The file or folder is not there: check it was not moved or deleted and that its USB or external disk is plugged in.",
        ),
        io::ErrorKind::PermissionDenied => (
            "권한이 없거나 다른 프로그램이 쓰고 있습니다. 그 파일을 연 프로그램을 닫고, 읽기 전용이면 다른 폴더를 골라 주세요.",
            "Access denied, or another program is using it: close the program that has it open, or choose another folder if this one is read-only.",
        ),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => (
            "디스크 공간이 부족합니다. 공간을 비우거나 다른 디스크를 골라 주세요.",
            "The disk is full: free some space or choose another disk.",
        ),
        io::ErrorKind::ReadOnlyFilesystem => (
            "읽기만 되는 디스크입니다. 다른 폴더를 골라 주세요.",
            "The disk is read-only: choose another folder.",
        ),
        io::ErrorKind::InvalidFilename => (
            "경로가 너무 길거나 이름에 쓸 수 없는 글자가 있습니다. 더 짧은 경로의 폴더를 골라 주세요.",
            "The path is too long or the name has characters the system refuses: choose a folder with a shorter path.",
        ),
        _ => return None,
    })
}

/// Windows error codes whose kind alone says too little.
#[cfg(windows)]
fn os_specific(e: &io::Error) -> Option<(&'static str, &'static str)> {
    Some(match e.raw_os_error()? {
        // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        32 | 33 => (
            "다른 프로그램(사진 보기, 백신, 엑셀 등)이 이 파일을 쓰고 있습니다. 그 프로그램을 닫고 다시 해 주세요.",
            "Another program (a photo viewer, the antivirus, Excel…) is using this file: close it and try again.",
        ),
        // ERROR_INVALID_NAME, ERROR_FILENAME_EXCED_RANGE, ERROR_BUFFER_OVERFLOW (path too long)
        123 | 206 | 111 => (
            "경로가 너무 길거나 이름에 Windows가 받지 않는 글자가 있습니다. 더 짧은 경로의 폴더를 골라 주세요.",
            "The path is too long or the name has characters Windows refuses: choose a folder with a shorter path.",
        ),
        // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
        112 | 39 => (
            "디스크 공간이 부족합니다. 공간을 비우거나 다른 디스크를 골라 주세요.",
            "The disk is full: free some space or choose another disk.",
        ),
        _ => return None,
    })
}

#[cfg(not(windows))]
fn os_specific(_e: &io::Error) -> Option<(&'static str, &'static str)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_and_a_full_disk_are_told_in_plain_words() {
        let (ko, en) = reason(&io::Error::from(io::ErrorKind::NotFound)).unwrap();
        assert!(ko.contains("없습니다") && en.contains("not there"));
        let (ko, en) = reason(&io::Error::from(io::ErrorKind::StorageFull)).unwrap();
        assert!(ko.contains("디스크 공간") && en.contains("disk is full"));
        assert!(reason(&io::Error::other("odd")).is_none());
    }

    #[cfg(windows)]
    #[test]
    fn a_file_another_program_holds_says_to_close_that_program() {
        let (ko, en) = reason(&io::Error::from_raw_os_error(32)).unwrap();
        assert!(ko.contains("다른 프로그램") && en.contains("Another program"));
    }
}
