//! Shared by the AI helper's tests: a real chat-completions server on 127.0.0.1 (std TcpListener speaking
//! HTTP/1.1: Content-Length bodies, one request per connection) that records every request, and a library
//! with a customer's job and a post that names the customer.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use gongbang_ai::{ApiKey, KeyRef, KeyStore};
use gongbang_core::ops::{self, OwnerKind, Policy};
use gongbang_core::{Block, JobFields, Library, Platform, Post};
pub use gongbang_testkit::approve;
use gongbang_testkit::{new_client, temp_library};

/// A keychain in memory for tests (the real one is tested in suite/keychain.rs).
#[derive(Default)]
pub struct MemoryStore(Mutex<BTreeMap<(String, String), ApiKey>>);

impl MemoryStore {
    /// The user names of the items held.
    pub fn users(&self) -> Vec<String> {
        self.0
            .lock()
            .unwrap()
            .keys()
            .map(|(_, u)| u.clone())
            .collect()
    }
}

impl KeyStore for MemoryStore {
    fn store(&self, at: KeyRef<'_>, key: &ApiKey) -> gongbang_ai::Result<()> {
        self.0
            .lock()
            .unwrap()
            .insert((at.service.into(), at.user.into()), key.clone());
        Ok(())
    }
    fn read(&self, at: KeyRef<'_>) -> gongbang_ai::Result<Option<ApiKey>> {
        Ok(self
            .0
            .lock()
            .unwrap()
            .get(&(at.service.into(), at.user.into()))
            .cloned())
    }
    fn delete(&self, at: KeyRef<'_>) -> gongbang_ai::Result<()> {
        self.0
            .lock()
            .unwrap()
            .remove(&(at.service.into(), at.user.into()));
        Ok(())
    }
}

/// How the server answers.
#[derive(Debug, Clone)]
pub enum Behaviour {
    /// 200 with a chat completion whose text is `prefix` + the user message.
    Echo { prefix: String },
    /// This status with an OpenAI-style error body that echoes the key (as some servers do).
    Status(u16),
    /// Waits this long before answering (past the client's time limit).
    Slow(Duration),
    /// 200 with this body as it is.
    Raw(String),
}

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// Lower-case names.
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

impl Recorded {
    /// The head and the body as one text (for "appears nowhere but …" checks).
    pub fn everything_but_auth(&self) -> String {
        let mut s = format!("{} {}\n", self.method, self.path);
        for (k, v) in &self.headers {
            if k != "authorization" {
                s.push_str(&format!("{k}: {v}\n"));
            }
        }
        s.push_str(&self.body);
        s
    }

    /// The JSON body.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("request body is JSON")
    }
}

/// The server: its base URL (`http://127.0.0.1:PORT/v1`) and what it received.
pub struct Server {
    pub base_url: String,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
}

impl Server {
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

/// Starts a server on 127.0.0.1, port chosen by the OS, answering every request with `behaviour`.
pub fn start(behaviour: Behaviour) -> Server {
    start_on("127.0.0.1", behaviour)
}

/// Starts a server on this loopback address (127.0.0.2 is a second host on the same computer).
pub fn start_on(ip: &str, behaviour: Behaviour) -> Server {
    let listener = TcpListener::bind((ip, 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let rec = requests.clone();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let rec = rec.clone();
            let behaviour = behaviour.clone();
            thread::spawn(move || {
                let _ = serve(stream, &behaviour, &rec);
            });
        }
    });
    Server {
        base_url: format!("http://{ip}:{port}/v1"),
        requests,
    }
}

fn serve(
    stream: TcpStream,
    behaviour: &Behaviour,
    rec: &Mutex<Vec<Recorded>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let path = parts.next().unwrap_or("").to_string();
    let mut headers = BTreeMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body)?;
    let body = String::from_utf8_lossy(&body).into_owned();
    let user = serde_json::from_str::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v["messages"][1]["content"].as_str().map(str::to_string))
        .unwrap_or_default();
    let auth = headers.get("authorization").cloned().unwrap_or_default();
    rec.lock().unwrap().push(Recorded {
        method,
        path,
        headers,
        body,
    });
    let (status, reply) = match behaviour {
        Behaviour::Echo { prefix } => (200, completion(&format!("{prefix}{user}"))),
        Behaviour::Status(s) => (
            *s,
            serde_json::json!({"error": {"message": format!("Incorrect API key provided: {auth}"),
                "type": "invalid_request_error"}})
            .to_string(),
        ),
        Behaviour::Slow(d) => {
            thread::sleep(*d);
            (200, completion("늦은 답"))
        }
        Behaviour::Raw(b) => (200, b.clone()),
    };
    let reason = match status {
        200 => "OK",
        401 => "Unauthorized",
        403 => "Forbidden",
        429 => "Too Many Requests",
        _ => "Error",
    };
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{reply}",
        reply.len()
    )?;
    out.flush()
}

/// A chat-completions answer with this text.
pub fn completion(text: &str) -> String {
    serde_json::json!({
        "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
    })
    .to_string()
}

/// The customer of the sample job and its alias.
pub const CLIENT: &str = "대한정밀";
pub const ALIAS: &str = "DH Precision";
/// A word the owner registered.
pub const WATCH: &str = "비밀프로젝트";
/// A drawing number in the text.
pub const DWG: &str = "도번 AB-1234-567";

/// Who the sample job is for, as the leak guard sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The customer 대한정밀 with this policy; `approved`: an approval is recorded (only for `ask`).
    Client { policy: Policy, approved: bool },
    /// The shop's own product.
    Own,
    /// Not chosen yet (counts as `ask` without an approval).
    Unset,
}

/// A library in a fresh temporary folder with a customer (policy `ask`, approval recorded), a watch word, a
/// job for that customer and a post whose paragraphs name them.
pub fn library_with_post() -> (tempfile::TempDir, Library, Post) {
    library_with_post_for(Owner::Client {
        policy: Policy::Ask,
        approved: true,
    })
}

/// [`library_with_post`] with the job's owner as given.
pub fn library_with_post_for(owner: Owner) -> (tempfile::TempDir, Library, Post) {
    let (dir, mut lib) = temp_library();
    let policy = match owner {
        Owner::Client { policy, .. } => policy,
        _ => Policy::Ask,
    };
    let client = new_client(&lib, CLIENT, policy, &[ALIAS]);
    ops::guard::add_watch_word(&lib, WATCH).unwrap();
    let (kind, client_id) = match owner {
        Owner::Client { .. } => (Some(OwnerKind::Client), Some(client.id)),
        Owner::Own => (Some(OwnerKind::Own), None),
        Owner::Unset => (None, None),
    };
    let job = ops::jobs::create(
        &lib,
        &JobFields {
            title: "샤프트 가공".into(),
            material: "SUS304".into(),
            process: "CNC 선반".into(),
            ..JobFields::default()
        },
        kind,
        client_id,
    )
    .unwrap();
    if let Owner::Client {
        policy: Policy::Ask,
        approved: true,
    } = owner
    {
        approve(&lib, job.id);
    }
    let blocks = vec![
        Block::Heading {
            text: "대한정밀 샤프트".into(),
        },
        Block::Paragraph {
            text: format!(
                "{CLIENT}에서 맡긴 SUS304 샤프트를 CNC 선반으로 가공했습니다. 공차는 ±0.01 입니다."
            ),
        },
        Block::List {
            items: vec!["소재: SUS304".into(), "수량: 20개".into()],
        },
        Block::Paragraph {
            text: format!("{ALIAS} {WATCH} 부품이라 {DWG} 도면을 보고 떨림을 잡느라 고생했어요."),
        },
        Block::Paragraph { text: "   ".into() },
    ];
    let post = ops::posts::create(
        &mut lib,
        job.id,
        Platform::Naver,
        "문래동 CNC 선반 SUS304 샤프트 가공",
        &blocks,
        &["CNC선반".into(), "대한정밀".into()],
    )
    .unwrap();
    (dir, lib, post)
}

/// Switches the AI help on for this base URL.
pub fn enable_ai(lib: &Library, base_url: &str) {
    gongbang_ai::settings::save(
        lib,
        &gongbang_ai::AiSettingsInput {
            enabled: true,
            base_url: base_url.into(),
            model: "test-model".into(),
        },
    )
    .unwrap();
}

/// The post as stored, serialised (for byte-for-byte comparisons).
pub fn stored(lib: &Library, id: i64) -> String {
    serde_json::to_string(&ops::posts::get(lib, id).unwrap()).unwrap()
}
