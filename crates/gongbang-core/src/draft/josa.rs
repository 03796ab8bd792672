//! Why: Korean particles change with the last sound of the word before them (샤프트를, 부싱을, MCT로,
//! 선반으로); a draft that gets them wrong reads as machine-made.

/// Attaches the right form of a two-form particle such as `"을/를"`, `"이/가"`, `"은/는"`, `"과/와"`,
/// `"으로/로"` to `word`. The first form follows a final consonant, the second a vowel (and `로` follows
/// a final ㄹ).
pub fn attach(word: &str, pair: &str) -> String {
    let (after_consonant, after_vowel) = pair.split_once('/').unwrap_or((pair, pair));
    let word_trimmed = word.trim_end();
    let Some(last) = word_trimmed.chars().rev().find(|c| c.is_alphanumeric()) else {
        return format!("{word_trimmed}{after_consonant}");
    };
    let form = match final_sound(last) {
        Final::Vowel => after_vowel,
        Final::Rieul if after_consonant == "으로" => after_vowel,
        Final::Rieul | Final::Consonant => after_consonant,
    };
    format!("{word_trimmed}{form}")
}

enum Final {
    Vowel,
    Rieul,
    Consonant,
}

fn final_sound(c: char) -> Final {
    let code = c as u32;
    if (0xAC00..=0xD7A3).contains(&code) {
        return match (code - 0xAC00) % 28 {
            0 => Final::Vowel,
            8 => Final::Rieul,
            _ => Final::Consonant,
        };
    }
    // Latin letters and digits, as Koreans read them aloud.
    match c.to_ascii_uppercase() {
        'L' | 'R' => Final::Rieul,           // 엘, 알
        'M' | 'N' => Final::Consonant,       // 엠, 엔
        '1' | '7' | '8' => Final::Rieul,     // 일, 칠, 팔
        '0' | '3' | '6' => Final::Consonant, // 영, 삼, 육
        _ => Final::Vowel,
    }
}

#[cfg(test)]
mod tests {
    use super::attach;

    #[test]
    fn particles_follow_the_last_sound() {
        assert_eq!(attach("샤프트", "을/를"), "샤프트를");
        assert_eq!(attach("부싱", "을/를"), "부싱을");
        assert_eq!(attach("CNC 선반", "으로/로"), "CNC 선반으로");
        assert_eq!(attach("MCT", "으로/로"), "MCT로");
        assert_eq!(attach("와이어컷", "으로/로"), "와이어컷으로");
        assert_eq!(attach("밀링", "으로/로"), "밀링으로");
        assert_eq!(attach("연마기", "이/가"), "연마기가");
        assert_eq!(attach("용접", "으로/로"), "용접으로");
        assert_eq!(attach("5축 가공기", "과/와"), "5축 가공기와");
        assert_eq!(attach("SUS304", "은/는"), "SUS304는");
        assert_eq!(attach("AL6061", "으로/로"), "AL6061로");
        assert_eq!(attach("드릴", "으로/로"), "드릴로");
    }
}
