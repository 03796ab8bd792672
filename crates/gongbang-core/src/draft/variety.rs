//! Why: Naver ranks near-duplicate documents down, so two jobs (or two shops) must not get the same
//! sentences; every sentence has several phrasings and each job picks its own, deterministically (the same
//! job drafts the same text again), and no sentence is used twice in one draft.

use std::collections::{HashMap, HashSet};

/// A sentence of an earlier post as compared, with its three-character pieces.
type Earlier = (String, HashSet<[char; 3]>);

/// Picks phrasings for one draft.
#[derive(Debug, Clone)]
pub struct Picker {
    seed: [u8; 32],
    used: HashSet<String>,
    /// Sentences of the shop's earlier posts (spaces removed, lower case), by their last characters, with
    /// their three-character pieces: a phrasing as good as one of them is taken only when every other is.
    avoid: HashMap<String, Vec<Earlier>>,
    /// Every phrasing offered so far, chosen or not (the templates' fixed sentences, for the coach).
    offered: HashSet<String>,
}

impl Picker {
    /// A picker for one job of one shop: the job's number and creation time and the shop's name make the
    /// seed, so two jobs, or the same job in two shops' libraries, choose differently.
    pub fn new(shop_name: &str, job_id: i64, job_created_at: &str) -> Self {
        let mut h = blake3::Hasher::new();
        h.update(b"gongbang-draft-v1\0");
        h.update(shop_name.trim().as_bytes());
        h.update(b"\0");
        h.update(&job_id.to_le_bytes());
        h.update(job_created_at.as_bytes());
        Picker {
            seed: *h.finalize().as_bytes(),
            used: HashSet::new(),
            avoid: HashMap::new(),
            offered: HashSet::new(),
        }
    }

    /// Makes the picker prefer phrasings that none of `earlier` (the lines of the shop's earlier posts)
    /// holds, so a new post does not repeat an old one's sentences (Naver ranks near-duplicates down).
    #[must_use]
    pub fn avoiding<I: IntoIterator<Item = String>>(mut self, earlier: I) -> Self {
        for line in earlier {
            let n = norm(&line);
            if n.is_empty() {
                continue;
            }
            let grams = trigrams(&n);
            self.avoid.entry(tail(&n)).or_default().push((n, grams));
        }
        self
    }

    /// Whether `option` repeats a sentence of an earlier post, or nearly does (the same sentence about
    /// another part: what Naver and the coach's copied-text check would both call a copy).
    fn repeats_earlier(&self, option: &str) -> bool {
        let n = norm(option);
        let Some(candidates) = self.avoid.get(&tail(&n)) else {
            return false;
        };
        let mine = trigrams(&n);
        candidates.iter().any(|(text, grams)| {
            *text == n || {
                let inter = mine.intersection(grams).count();
                let union = mine.len() + grams.len() - inter;
                union > 0 && inter * 5 >= union * 4
            }
        })
    }

    fn rank(&self, slot: &str, option: &str) -> [u8; 32] {
        let mut h = blake3::Hasher::new_keyed(&self.seed);
        h.update(slot.as_bytes());
        h.update(b"\0");
        h.update(option.as_bytes());
        *h.finalize().as_bytes()
    }

    /// One of `options` (by this job's order of them) that this draft has not used yet, and marks it used;
    /// `None` when every option is used or there is none. `slot` names the sentence's place, so the same
    /// options in two places may be ordered differently.
    pub fn pick(&mut self, slot: &str, options: &[String]) -> Option<String> {
        self.offered
            .extend(options.iter().map(|o| o.trim().to_string()));
        let mut ranked: Vec<(&String, bool, [u8; 32])> = options
            .iter()
            .filter(|o| !o.trim().is_empty() && !self.used.contains(o.trim()))
            .map(|o| (o, self.repeats_earlier(o), self.rank(slot, o)))
            .collect();
        ranked.sort_by_key(|r| (r.1, r.2));
        let chosen = ranked.first()?.0.trim().to_string();
        self.used.insert(chosen.clone());
        Some(chosen)
    }

    /// Every phrasing this picker was offered, chosen or not.
    pub fn offered(&self) -> &HashSet<String> {
        &self.offered
    }

    /// Like [`pick`](Self::pick), but `None` rather than a phrasing that repeats an earlier post.
    pub fn pick_fresh(&mut self, slot: &str, options: &[String]) -> Option<String> {
        let fresh: Vec<String> = options
            .iter()
            .filter(|o| !self.repeats_earlier(o))
            .cloned()
            .collect();
        self.pick(slot, &fresh)
    }

    /// Whether the draft already holds this sentence.
    pub fn is_used(&self, text: &str) -> bool {
        self.used.contains(text.trim())
    }

    /// Marks text as used (a sentence written elsewhere in the draft), so it is not picked again.
    pub fn mark_used(&mut self, text: &str) {
        self.used.insert(text.trim().to_string());
    }
}

/// A sentence as compared: no spaces, lower case.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The last few characters of a compared sentence (the template's own ending, past the job's words).
fn tail(n: &str) -> String {
    let chars: Vec<char> = n.chars().collect();
    chars[chars.len().saturating_sub(6)..].iter().collect()
}

fn trigrams(s: &str) -> HashSet<[char; 3]> {
    let c: Vec<char> = s.chars().collect();
    c.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("문장 {i}")).collect()
    }

    #[test]
    fn the_same_job_picks_the_same_and_never_twice() {
        let o = opts(4);
        let mut a = Picker::new("공방", 7, "2026-01-01");
        let mut b = Picker::new("공방", 7, "2026-01-01");
        let first: Vec<_> = (0..5).map(|_| a.pick("s", &o)).collect();
        let again: Vec<_> = (0..5).map(|_| b.pick("s", &o)).collect();
        assert_eq!(first, again);
        let got: HashSet<_> = first.iter().flatten().collect();
        assert_eq!(got.len(), 4);
        assert_eq!(first[4], None);
    }

    #[test]
    fn sentences_of_earlier_posts_are_taken_last() {
        let o = opts(3);
        let mut first = Picker::new("공방", 1, "t");
        let a = first.pick("s", &o).unwrap();
        let mut second = Picker::new("공방", 2, "t").avoiding([a.clone()]);
        let b = second.pick("s", &o).unwrap();
        assert_ne!(a, b);
        let mut third = Picker::new("공방", 3, "t").avoiding([a.clone(), b.clone()]);
        let c = third.pick("s", &o).unwrap();
        assert!(c != a && c != b);
        // The same sentence about another part counts as used too.
        let part_a = vec![
            "샤프트를 완성하기까지의 순서를 사진으로 보면 훨씬 이해하기 쉽습니다.".to_string(),
        ];
        let o2 = vec![
            "부싱을 완성하기까지의 순서를 사진으로 보면 훨씬 이해하기 쉽습니다.".to_string(),
            "완성품 사진에서는 면과 모서리를 먼저 봅니다.".to_string(),
        ];
        let mut p = Picker::new("공방", 5, "t").avoiding(part_a);
        assert_eq!(p.pick("x", &o2).as_deref(), Some(o2[1].as_str()));
        // When every phrasing was used before, one of them is still written.
        let mut fourth = Picker::new("공방", 4, "t").avoiding(o.clone());
        assert!(fourth.pick("s", &o).is_some());
    }

    #[test]
    fn other_jobs_and_other_shops_choose_differently() {
        let choices = |shop: &str, job: i64| -> Vec<String> {
            let mut p = Picker::new(shop, job, "t");
            (0..12)
                .map(|i| {
                    let o: Vec<String> = (0..3).map(|k| format!("자리 {i} 문장 {k}")).collect();
                    p.pick(&format!("slot{i}"), &o).unwrap()
                })
                .collect()
        };
        assert_ne!(choices("공방", 1), choices("공방", 2));
        assert_ne!(choices("공방", 1), choices("정밀", 1));
    }
}
