//! Why: the three kinds of help the owner can ask for, as Korean instructions a general model follows: the
//! facts of the trade (numbers, material grades, tolerances, machines) must survive every rewrite, the masked
//! words stay masked, and the answer is the text alone so it can replace the paragraph as it is.

use serde::{Deserialize, Serialize};

/// What the owner asked for (`AiStyle` in the IPC contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// 다듬기: smoother, correct, about as long.
    Polish,
    /// 더 짧게.
    Shorter,
    /// 더 친근하게.
    Friendlier,
}

const RULES: &str = "당신은 한국의 작은 기계 가공 공장(선반, 밀링, 연삭 등) 사장님이 쓴 블로그 글을 고쳐 주는 편집자입니다.
지켜야 할 규칙:
- 사실, 숫자, 단위, 소재 규격(SUS304, S45C, AL6061 등), 공차(±0.01 등), 수량, 기간, 장비 이름은 한 글자도 바꾸거나 빼지 마세요.
- 글에 없는 사실, 숫자, 약속, 과장은 더하지 마세요.
- '고객사', '○○', '○○○', '(비공개)' 같은 가려진 말은 그대로 두세요.
- 한국어로, 사장님이 직접 쓴 것처럼 자연스럽게 쓰세요.
- 다시 쓴 글만 답하세요. 머리말, 설명, 따옴표, 마크다운, 제목은 붙이지 마세요.";

/// The system message for a style.
pub fn system_prompt(style: Style) -> String {
    let task = match style {
        Style::Polish => {
            "할 일(다듬기): 문장을 자연스럽고 읽기 쉽게 다듬어 주세요. 맞춤법과 띄어쓰기를 바로잡고, 어색한 말을 고치되 길이와 말투는 비슷하게 유지하세요."
        }
        Style::Shorter => {
            "할 일(더 짧게): 핵심만 남겨 원래 길이의 절반에서 3분의 2 정도로 줄여 주세요. 숫자와 규격은 모두 남기세요."
        }
        Style::Friendlier => {
            "할 일(더 친근하게): 손님에게 직접 말하듯 따뜻하고 친근한 말투(~해요)로 바꿔 주세요. 이모티콘이나 과장 없이, 내용은 그대로 두세요."
        }
    };
    format!("{RULES}\n\n{task}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_style_keeps_the_facts_rule() {
        for s in [Style::Polish, Style::Shorter, Style::Friendlier] {
            let p = system_prompt(s);
            assert!(p.contains("공차") && p.contains("다시 쓴 글만"));
        }
        assert_eq!(
            serde_json::to_string(&Style::Friendlier).unwrap(),
            "\"friendlier\""
        );
    }
}
