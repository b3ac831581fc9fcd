//! `serve` answers only to loopback names. The server listens on
//! 127.0.0.1, but a web page elsewhere can point its own host name at
//! 127.0.0.1 (DNS rebinding) and then read the preview as its own origin;
//! such requests carry that foreign name in `Host`. Requests naming
//! `localhost`, a loopback address (`127.0.0.1`, `[::1]`), any port, are
//! served; every other request gets 403 and a short plain message.
//!
//! `serve --interface ADDR` listens on another address: requests naming
//! that address (an IP literal, which DNS rebinding cannot forge) are
//! served too; on `0.0.0.0` or `::`, every IP literal is, since the server
//! then answers on all of the machine's addresses. Host *names* other than
//! `localhost` are refused whatever the interface.

use axum::extract::Request;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;

/// Middleware: pass the request on only when it names a loopback host or
/// the address the server listens on.
pub async fn allowed_only(
    State(interface): State<IpAddr>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    // An absolute request target (`GET http://name/ HTTP/1.1`) names the
    // host too; both must be loopback.
    let target = request.uri().authority().map(|a| a.as_str());
    let allowed = |h: &str| is_allowed(h, interface);
    if host.is_some_and(allowed) && target.is_none_or(allowed) {
        return next.run(request).await;
    }
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "quarterdeck serve answers only to http://localhost and http://127.0.0.1; open the preview at one of those addresses.\n",
    )
        .into_response()
}

/// A loopback host, or (see the module comment) the interface's address.
pub fn is_allowed(host: &str, interface: IpAddr) -> bool {
    if is_loopback(host) {
        return true;
    }
    let Some(address) = name_of(host).and_then(|n| n.parse::<IpAddr>().ok()) else {
        return false;
    };
    address == interface || interface.is_unspecified()
}

/// The host without its port; `None` when the port is not a port.
fn name_of(host: &str) -> Option<&str> {
    Some(match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((address, "")) => address,
            Some((address, port)) if port.strip_prefix(':').is_some_and(is_port) => address,
            _ => return None,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) if is_port(port) => name,
            Some(_) => return None,
            None => host,
        },
    })
}

/// `localhost`, or a loopback IP address, with or without a port.
pub fn is_loopback(host: &str) -> bool {
    let Some(name) = name_of(host) else {
        return false;
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok_and(|a| a.is_loopback())
}

/// A port number, such as `8000`.
fn is_port(digits: &str) -> bool {
    digits.parse::<u16>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interface_address_passes_and_names_do_not() {
        let lan: IpAddr = "192.168.1.20".parse().unwrap();
        assert!(is_allowed("192.168.1.20:8000", lan));
        assert!(is_allowed("localhost:8000", lan));
        assert!(!is_allowed("192.168.1.21:8000", lan));
        assert!(!is_allowed("evil.example:8000", lan));
        let all: IpAddr = "0.0.0.0".parse().unwrap();
        assert!(is_allowed("10.0.0.5", all));
        assert!(is_allowed("[fe80::1]:8000", all));
        assert!(!is_allowed("printer.local", all));
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        assert!(!is_allowed("192.168.1.20", loopback));
    }

    #[test]
    fn loopback_names_pass() {
        for host in [
            "localhost",
            "LocalHost:8000",
            "127.0.0.1",
            "127.0.0.1:49152",
            "127.1.2.3:80",
            "[::1]",
            "[::1]:8000",
        ] {
            assert!(is_loopback(host), "{host}");
        }
    }

    #[test]
    fn other_names_are_refused() {
        for host in [
            "",
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example:8000",
            "127.0.0.1.nip.io:8000",
            "localhost:8000@evil.example",
            "localhost:http",
            "192.168.1.10:8000",
            "0.0.0.0:8000",
            "[::1",
            "[::1]x",
            "[::1]8000",
            "[::ffff:7f00:1]:8000x",
            "::1",
        ] {
            assert!(!is_loopback(host), "{host}");
        }
    }
}
