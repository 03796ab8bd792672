//! Why: the paragraphs (and the key, if any) must not cross the internet in clear text. Plain `http://`
//! is kept for a server on this PC or on the shop's own network (an Ollama on the office PC) — such a
//! link never leaves the building — and a public host needs `https://`. The rule is checked when the
//! address is saved and again before every request ([`check`], [`resolve_local`]), so a hand-edited
//! library or a name that resolves to a public address cannot slip past it. The key is bound to the
//! address's origin ([`origin`]): see `secrets`.
//!
//! What counts as "the shop's own network" over plain http:
//! - IP literals: loopback 127.0.0.0/8 and ::1, private 10/8, 172.16/12, 192.168/16, link-local
//!   169.254/16 and fe80::/10, unique-local fc00::/7 (IPv4-mapped IPv6 is read as its IPv4).
//! - names: `localhost`, `*.localhost`, `*.local` (mDNS), `*.home.arpa` (RFC 8375), `*.internal`,
//!   `*.lan` and single-label names (`SHOP-PC`). A name is only a first guess: before the request it is
//!   resolved and every address must be one of the above, and the connection is pinned to those addresses.
//!
//! Not counted: 100.64/10 (carrier-grade NAT: the provider's network, not the shop's), 0.0.0.0 and every
//! other address.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::Url;

use crate::{AiError, Result};

/// How a request to this address would travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// `https://`: encrypted, any host.
    Encrypted,
    /// `http://` to an IP address of this PC or the shop's network: not encrypted, allowed.
    LocalAddress,
    /// `http://` to a name that looks local (`localhost`, `*.local`, …): allowed if it resolves only to
    /// local addresses (checked before each request).
    LocalName,
    /// `http://` to anything else: refused.
    Public,
}

/// Loopback, private, link-local or unique-local.
pub fn is_local_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_local_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_local_v4(v4),
            None => {
                let first = v6.segments()[0];
                v6 == Ipv6Addr::LOCALHOST
                    || (first & 0xfe00) == 0xfc00 // fc00::/7 unique local
                    || (first & 0xffc0) == 0xfe80 // fe80::/10 link-local
            }
        },
    }
}

fn is_local_v4(ip: Ipv4Addr) -> bool {
    ip.is_loopback() || ip.is_private() || ip.is_link_local()
}

/// A host name that usually names a machine of this PC or the shop's network.
fn is_local_name(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    if h.is_empty() {
        return false;
    }
    h == "localhost"
        || !h.contains('.')
        || [".localhost", ".local", ".home.arpa", ".internal", ".lan"]
            .iter()
            .any(|suffix| h.ends_with(suffix))
}

/// Where the host of `url` is, whatever the scheme: [`Link::LocalAddress`], [`Link::LocalName`] or
/// [`Link::Public`].
fn whereabouts(url: &Url) -> Link {
    match url.host() {
        Some(url::Host::Ipv4(ip)) if is_local_v4(ip) => Link::LocalAddress,
        Some(url::Host::Ipv6(ip)) if is_local_ip(IpAddr::V6(ip)) => Link::LocalAddress,
        Some(url::Host::Domain(name)) if is_local_name(name) => Link::LocalName,
        _ => Link::Public,
    }
}

/// How `url` would travel (see [`Link`]).
pub fn link(url: &Url) -> Link {
    if url.scheme() == "https" {
        return Link::Encrypted;
    }
    whereabouts(url)
}

/// The host is on this PC or the shop's network (or looks so), whatever the scheme: reached without a
/// proxy.
pub fn is_local_host(url: &Url) -> bool {
    whereabouts(url) != Link::Public
}

/// `host:port` as shown in messages (IPv6 in brackets).
pub fn host_port(url: &Url) -> String {
    let host = match url.host() {
        Some(url::Host::Ipv6(ip)) => format!("[{ip}]"),
        Some(h) => h.to_string(),
        None => String::new(),
    };
    match url.port_or_known_default() {
        Some(p) => format!("{host}:{p}"),
        None => host,
    }
}

/// The error for plain http to a public host (or to a name that resolved to one).
pub fn insecure(url: &Url) -> AiError {
    AiError::Insecure {
        host: host_port(url),
    }
}

/// Refuses plain http to a public host. Names that look local pass here and are checked again by
/// [`resolve_local`] right before the request.
pub fn check(url: &Url) -> Result<Link> {
    match link(url) {
        Link::Public => Err(insecure(url)),
        l => Ok(l),
    }
}

/// The origin (scheme, host, port) the key is bound to: `https://api.openai.com`, `http://127.0.0.1:11434`.
pub fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

/// For plain http to a name: resolves it and returns its addresses when every one of them is local;
/// refuses otherwise. The client is then pinned to these addresses, so a second lookup cannot answer
/// differently. `None` when there is nothing to resolve (https, or an IP address).
pub async fn resolve_local(url: &Url) -> Result<Option<(String, Vec<SocketAddr>)>> {
    if check(url)? != Link::LocalName {
        return Ok(None);
    }
    let (Some(host), Some(port)) = (url.host_str(), url.port_or_known_default()) else {
        return Err(insecure(url));
    };
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|_| AiError::Network {
            host: host_port(url),
        })?
        .collect();
    if addrs.is_empty() {
        return Err(AiError::Network {
            host: host_port(url),
        });
    }
    if !all_local(&addrs) {
        return Err(insecure(url));
    }
    Ok(Some((host.to_string(), addrs)))
}

/// Every address is local.
pub fn all_local(addrs: &[SocketAddr]) -> bool {
    addrs.iter().all(|a| is_local_ip(a.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(u: &str) -> Link {
        link(&Url::parse(u).unwrap())
    }

    #[test]
    fn plain_http_only_inside_the_shop() {
        for u in [
            "http://127.0.0.1:11434/v1",
            "http://127.8.9.10/v1",
            "http://[::1]:8080/v1",
            "http://10.0.0.5:11434/v1",
            "http://172.16.0.1/v1",
            "http://172.31.255.254/v1",
            "http://192.168.0.10:1234/v1",
            "http://169.254.10.20/v1",
            "http://[fd12:3456::1]/v1",
            "http://[fc00::1]/v1",
            "http://[fe80::1]/v1",
            "http://[::ffff:192.168.1.2]/v1",
        ] {
            assert_eq!(l(u), Link::LocalAddress, "{u}");
        }
        for u in [
            "http://localhost:11434/v1",
            "http://LOCALHOST/v1",
            "http://shop-pc.local/v1",
            "http://ollama.home.arpa/v1",
            "http://ai.internal/v1",
            "http://office.lan/v1",
            "http://SHOP-PC:11434/v1",
        ] {
            assert_eq!(l(u), Link::LocalName, "{u}");
        }
        for u in [
            "http://api.openai.com/v1",
            "http://8.8.8.8/v1",
            "http://172.32.0.1/v1",
            "http://172.15.255.255/v1",
            "http://192.169.0.1/v1",
            "http://100.64.0.1/v1",
            "http://0.0.0.0/v1",
            "http://[2001:4860:4860::8888]/v1",
            "http://[::ffff:8.8.8.8]/v1",
            "http://[fec0::1]/v1",
            "http://local.example.com/v1",
            "http://localhost.example.com/v1",
            "http://0x7f.0.0.1.example/v1",
        ] {
            assert_eq!(l(u), Link::Public, "{u}");
        }
        for u in [
            "https://api.openai.com/v1",
            "https://8.8.8.8/v1",
            "https://[2001:db8::1]/v1",
        ] {
            assert_eq!(l(u), Link::Encrypted, "{u}");
        }
        // The url crate reads every IPv4 spelling as the address it is.
        assert_eq!(l("http://0x7f000001/v1"), Link::LocalAddress);
        assert_eq!(l("http://2130706433/v1"), Link::LocalAddress);
        assert_eq!(l("http://0x08080808/v1"), Link::Public);
    }

    #[test]
    fn the_refusal_names_the_host_in_both_languages() {
        let e = check(&Url::parse("http://[2001:db8::5]:8080/v1").unwrap()).unwrap_err();
        assert_eq!(e.code(), "ai_insecure");
        assert!(
            e.message_ko().contains("[2001:db8::5]:8080"),
            "{}",
            e.message_ko()
        );
        assert!(e.message_en().contains("https://"));
        assert!(e.message_ko().contains("https://"));
    }

    #[test]
    fn origins() {
        let o = |u: &str| origin(&Url::parse(u).unwrap());
        assert_eq!(o("https://api.openai.com/v1"), "https://api.openai.com");
        assert_eq!(o("https://API.openai.com:443/v1"), "https://api.openai.com");
        assert_eq!(o("http://127.0.0.1:11434/v1"), "http://127.0.0.1:11434");
        assert_eq!(o("http://[::1]:8/v1"), "http://[::1]:8");
        assert_ne!(o("http://127.0.0.1:1/v1"), o("http://127.0.0.2:1/v1"));
        assert_ne!(o("http://localhost:1/v1"), o("http://127.0.0.1:1/v1"));
        assert_ne!(o("http://h:1/v1"), o("https://h:1/v1"));
    }

    #[tokio::test]
    async fn a_local_name_must_resolve_to_local_addresses() {
        let u = Url::parse("http://localhost:9/v1").unwrap();
        let (host, addrs) = resolve_local(&u).await.unwrap().unwrap();
        assert_eq!(host, "localhost");
        assert!(!addrs.is_empty() && all_local(&addrs));
        assert!(resolve_local(&Url::parse("http://127.0.0.1:9/v1").unwrap())
            .await
            .unwrap()
            .is_none());
        assert!(!all_local(&[
            "127.0.0.1:80".parse().unwrap(),
            "93.184.216.34:80".parse().unwrap()
        ]));
    }
}
