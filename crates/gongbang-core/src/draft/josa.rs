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

/// Removes a particle left on the last word when text is cut short ("샤프트를" → "샤프트", "MCT로" → "MCT"),
/// only where the particle's form fits the sound before it, so nouns such as 단가, 결과, 문의 or 길이 keep
/// their last syllable. Returns `word` unchanged when it does not end in a particle.
pub fn strip_particle(word: &str) -> &str {
    // (particle, the sound it follows); ambiguous ones (이, 과, 의, 도, 에) are left alone.
    const PARTICLES: &[(&str, Follows)] = &[
        ("에서", Follows::Any),
        ("으로", Follows::ConsonantNotRieul),
        ("을", Follows::Consonant),
        ("은", Follows::Consonant),
        ("를", Follows::Vowel),
        ("는", Follows::Vowel),
        ("가", Follows::Vowel),
        ("와", Follows::Vowel),
        ("로", Follows::VowelOrRieul),
    ];
    for (particle, follows) in PARTICLES {
        let Some(stem) = word.strip_suffix(particle) else {
            continue;
        };
        let Some(last) = stem.chars().last().filter(|c| c.is_alphanumeric()) else {
            continue;
        };
        let fits = matches!(
            (follows, final_sound(last)),
            (Follows::Any, _)
                | (Follows::ConsonantNotRieul, Final::Consonant)
                | (Follows::Consonant, Final::Consonant | Final::Rieul)
                | (Follows::Vowel, Final::Vowel)
                | (Follows::VowelOrRieul, Final::Vowel | Final::Rieul)
        );
        if fits {
            return stem;
        }
    }
    word
}

enum Follows {
    Any,
    ConsonantNotRieul,
    Consonant,
    Vowel,
    VowelOrRieul,
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
    use super::{attach, strip_particle};

    #[test]
    fn dangling_particles_are_stripped_but_nouns_kept() {
        assert_eq!(strip_particle("샤프트를"), "샤프트");
        assert_eq!(strip_particle("부싱을"), "부싱");
        assert_eq!(strip_particle("MCT로"), "MCT");
        assert_eq!(strip_particle("와이어컷으로"), "와이어컷");
        assert_eq!(strip_particle("드릴로"), "드릴");
        assert_eq!(strip_particle("SUS304는"), "SUS304");
        assert_eq!(strip_particle("문래동에서"), "문래동");
        assert_eq!(strip_particle("샤프트가"), "샤프트");
        for noun in [
            "단가", "결과", "효과", "문의", "길이", "경로", "가공", "을", "SUS304",
        ] {
            assert_eq!(strip_particle(noun), noun);
        }
    }

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
