//! Why: the owner's "다듬기 / 더 짧게 / 더 친근하게" on one paragraph or all of them, in three steps so the
//! app never holds the library lock while waiting for a server: [`prepare`] (library: settings, post, masked
//! texts), [`fetch`] (network only, cancellable), [`apply`] (library: the post is still as it was → every
//! paragraph replaced and saved in one `ops::posts::save_text`). Any failure before `apply` saves leaves the post
//! byte for byte as it was. One request per paragraph: each answer maps to exactly one paragraph, with no
//! markers a small local model could lose or invent.

use std::sync::atomic::{AtomicBool, Ordering};

use gongbang_core::guard::text_scan;
use gongbang_core::ops;
use gongbang_core::{Block, Library, Post};

use crate::client::{ChatClient, Endpoint, Timeouts};
use crate::privacy::neutralise;
use crate::prompt::{system_prompt, Style};
use crate::secrets::BoundKey;
use crate::{settings, AiError, Result};

/// One paragraph to rewrite.
#[derive(Debug, Clone)]
pub struct Target {
    /// Index into the post's blocks.
    pub block_index: usize,
    /// The paragraph as it is now (checked again before saving).
    pub original: String,
    /// What is sent: the paragraph with flagged words masked.
    pub outgoing: String,
}

/// Everything the network step needs; holds no library.
#[derive(Debug, Clone)]
pub struct Plan {
    pub post_id: i64,
    pub style: Style,
    pub endpoint: Endpoint,
    pub targets: Vec<Target>,
}

impl Plan {
    /// The origin of the plan's address: the key to read is the one saved for it.
    pub fn key_origin(&self) -> Option<String> {
        settings::key_origin(&self.endpoint.base_url)
    }
}

/// Reads the settings and the post and masks the paragraphs to send. `block_index` `None` = every
/// paragraph that has text.
pub fn prepare(
    lib: &Library,
    post_id: i64,
    style: Style,
    block_index: Option<usize>,
) -> Result<Plan> {
    let s = settings::load(lib)?;
    if !s.enabled || s.base_url.trim().is_empty() || s.model.trim().is_empty() {
        return Err(AiError::Off);
    }
    // Stored settings were validated when saved; checked again in case the database was edited by hand
    // (plain http to a public host is refused as such, not as "off").
    let base_url = settings::validate_base_url(&s.base_url).map_err(|e| match e {
        AiError::Insecure { .. } => e,
        _ => AiError::Off,
    })?;
    let post = ops::posts::get(lib, post_id)?;
    // The leak guard decides before anything is sent, with the verdict export uses (`clear_export`): a
    // `never` job, an `ask` job (or one whose owner is not set) without an approval, or a post whose photo
    // is held by a stricter job sends nothing and gets the guard's own refusal. Here, in the only way to a
    // Plan, so no path can skip it.
    if let Some(refusal) = ops::guard::post_verdict(lib, &post)?.refusal() {
        return Err(refusal.into());
    }
    let indices: Vec<usize> = match block_index {
        Some(i) => match post.blocks.get(i) {
            Some(Block::Paragraph { text }) if !text.trim().is_empty() => vec![i],
            _ => {
                return Err(AiError::invalid(
                    format!("{}번째 칸은 글 문단이 아닙니다. 문단을 골라 주세요.", i + 1),
                    format!(
                        "Block {} is not a text paragraph. Choose a paragraph.",
                        i + 1
                    ),
                ))
            }
        },
        None => post
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, Block::Paragraph { text } if !text.trim().is_empty()))
            .map(|(i, _)| i)
            .collect(),
    };
    if indices.is_empty() {
        return Err(AiError::invalid(
            "AI로 고칠 글 문단이 없습니다.",
            "There is no text paragraph for the AI to rewrite.",
        ));
    }
    let rules = ops::guard::scan_rules(lib)?;
    let post_terms: Vec<String> = text_scan::scan_post(&post, &rules)
        .into_iter()
        .map(|f| f.text)
        .collect();
    let mut targets = Vec::with_capacity(indices.len());
    for i in indices {
        if let Some(Block::Paragraph { text }) = post.blocks.get(i) {
            targets.push(Target {
                block_index: i,
                original: text.clone(),
                outgoing: neutralise(text, &rules, &post_terms)?,
            });
        }
    }
    Ok(Plan {
        post_id,
        style,
        endpoint: Endpoint {
            base_url,
            model: s.model.trim().to_string(),
        },
        targets,
    })
}

/// Asks the server for every target, one after the other; all answers or an error.
///
/// `key` is what the keychain gave for the plan's address (`secrets::read_bound`): a key, none, or an error
/// reading it. A key saved for another address is not sent. With an error the request still goes out
/// without a key (a local server needs none); if the server then wants one, the keychain error is
/// reported, as it is the real cause.
pub async fn fetch(
    plan: &Plan,
    key: Result<Option<BoundKey>>,
    timeouts: Timeouts,
    cancel: &AtomicBool,
) -> Result<Vec<String>> {
    let (key, key_error) = match key {
        Ok(k) => (k, None),
        Err(e) => (None, Some(e)),
    };
    let client = ChatClient::new(&plan.endpoint, key.as_ref(), timeouts).await?;
    let system = system_prompt(plan.style);
    let mut out = Vec::with_capacity(plan.targets.len());
    for t in &plan.targets {
        match client.chat(&system, &t.outgoing, cancel).await {
            Ok(text) => out.push(text),
            Err(AiError::Auth { .. }) if key_error.is_some() => {
                return Err(key_error.unwrap_or(AiError::Off))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Puts the answers in place and saves the post once. Refuses (saving nothing) when the answers do not match
/// the targets, when a paragraph changed since [`prepare`], or when the owner cancelled meanwhile.
pub fn apply(
    lib: &mut Library,
    plan: &Plan,
    answers: &[String],
    cancel: &AtomicBool,
) -> Result<Post> {
    if answers.len() != plan.targets.len() || answers.iter().any(|a| a.trim().is_empty()) {
        return Err(AiError::reply(
            "답의 문단 수가 맞지 않습니다.",
            "The number of paragraphs in the answer does not match.",
        ));
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(AiError::Cancelled);
    }
    let mut post = ops::posts::get(lib, plan.post_id)?;
    for (t, answer) in plan.targets.iter().zip(answers) {
        match post.blocks.get_mut(t.block_index) {
            Some(Block::Paragraph { text }) if *text == t.original => *text = answer.clone(),
            _ => {
                return Err(AiError::invalid(
                    "AI가 답하는 동안 글이 바뀌어 답을 넣지 않았습니다. 다시 해 주세요.",
                    "The post changed while the AI was answering, so the answer was not used. Please try again.",
                ))
            }
        }
    }
    Ok(ops::posts::save_text(lib, &post)?)
}
