//! Why: every post ends with how to reach the shop; the lines come from the shop profile, formatted for the
//! platform (Naver's editor shows ☎ well; HTML and Markdown get plain labels), and the coach can insert the
//! same section into a post that lost it.

use super::variety::Picker;
use super::{markup, templates, Lang};
use crate::domain::{Block, Platform};
use crate::domain::{Job, ShopProfile};
use crate::Result;

/// The shop's contact lines for `platform` in `lang` (empty fields left out).
pub fn contact_lines(shop: &ShopProfile, platform: Platform, lang: Lang) -> Vec<String> {
    let naver = platform == Platform::Naver;
    let labels: [(&str, &String); 6] = [
        (lang.pick("상호", "Shop"), &shop.name),
        (
            if naver {
                "☎"
            } else {
                lang.pick("전화:", "Phone:")
            },
            &shop.phone,
        ),
        (lang.pick("카카오톡 채널:", "Kakao channel:"), &shop.kakao),
        (lang.pick("이메일:", "E-mail:"), &shop.email),
        (lang.pick("홈페이지:", "Website:"), &shop.website),
        (lang.pick("주소:", "Address:"), &shop.address),
    ];
    labels
        .iter()
        .enumerate()
        .filter(|(_, (_, v))| !v.trim().is_empty())
        .map(|(i, (k, v))| {
            let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
            if i == 0 {
                v
            } else {
                format!("{k} {v}")
            }
        })
        .collect()
}

/// The contact section as blocks (a heading and its text), phrased as the job's blog draft phrases it.
pub fn contact_blocks(
    shop: &ShopProfile,
    platform: Platform,
    lang: Lang,
    job: &Job,
) -> Result<Vec<Block>> {
    let mut picker = Picker::new(&shop.name, job.id, &job.created_at);
    let text = templates::render_with(
        templates::contact(lang),
        minijinja::context! { contact => contact_lines(shop, platform, lang) },
        &mut picker,
        None,
    )?;
    Ok(markup::parse_in(&text, &[], lang))
}

/// Whether the body reaches the buyer: some block holds one of the profile's phone, e-mail, Kakao channel
/// or website. False when the profile has none of them.
pub fn has_contact_block(blocks: &[Block], shop: &ShopProfile) -> bool {
    let values: Vec<String> = [&shop.phone, &shop.email, &shop.kakao, &shop.website]
        .iter()
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return false;
    }
    blocks.iter().any(|b| {
        let text = match b {
            Block::Heading { text } | Block::Paragraph { text } => text.clone(),
            Block::List { items } => items.join("\n"),
            Block::Table { rows } => rows
                .iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Photo { caption, .. } => caption.clone(),
        };
        values.iter().any(|v| text.contains(v.as_str()))
    })
}
