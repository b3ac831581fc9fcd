//! `quarterdeck serve` answers only to loopback names (issue 13, point 8):
//! a page on another host name that resolves to 127.0.0.1 (DNS
//! rebinding) gets 403, pages and the event stream alike. The real binary
//! on an ephemeral port; every wait is bounded; no timing is asserted.
#![cfg(feature = "serve")]

mod common;
use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `quarterdeck serve`, killed on drop.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(content: &std::path::Path) -> Server {
    start_on(content, "127.0.0.1")
}

/// `serve --interface INTERFACE` on an ephemeral port.
fn start_on(content: &std::path::Path, interface: &str) -> Server {
    let said = format!("serving http://{interface}:");
    let mut child = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
        .args(["serve", "--port", "0", "--content", path(content)])
        .args(["--interface", interface])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    // Read the server's stderr to the end (a closed pipe would fail its
    // next message), passing on the port it listens on.
    let (send, port) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            if let Some(rest) = line.split(said.as_str()).nth(1) {
                let _ = send.send(rest.split('/').next().unwrap_or("").parse().unwrap_or(0));
            }
        }
    });
    let mut server = Server { child, port: 0 };
    server.port = port.recv_timeout(Duration::from_secs(60)).unwrap_or(0);
    assert_ne!(server.port, 0, "the server never said where it listens");
    server
}

impl Server {
    /// The status and body of a request with these header lines.
    fn request(&self, target: &str, headers: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        // The event stream never ends: the head and a little body suffice.
        let mut buf = [0; 4096];
        while !String::from_utf8_lossy(&raw).contains("\r\n\r\n") {
            let n = stream.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            raw.extend_from_slice(&buf[..n]);
        }
        if !String::from_utf8_lossy(&raw).contains("text/event-stream") {
            let _ = stream.read_to_end(&mut raw);
        }
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        (status, body.to_string())
    }
}

#[test]
fn loopback_names_are_served_and_other_names_refused() {
    let f = Fixture::valid();
    let server = start(&f.content());
    let port = server.port;
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        "localhost".to_string(),
    ] {
        let (status, body) = server.request("/", &format!("Host: {host}\r\n"));
        assert_eq!(status, 200, "{host}: {body}");
        assert!(body.contains("<html"), "{host}: {body}");
    }
    for host in [
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost.evil.example:{port}"),
        format!("192.168.0.1:{port}"),
    ] {
        for target in [
            "/",
            "/fy20-21-q1/",
            "/__quarterdeck/events",
            "/__quarterdeck/live.js",
        ] {
            let (status, body) = server.request(target, &format!("Host: {host}\r\n"));
            assert_eq!(status, 403, "{host}{target}: {body}");
            assert!(body.contains("answers only to"), "{host}{target}: {body}");
            assert!(!body.contains("<html"), "{host}{target}: {body}");
        }
    }
    // An absolute request target names the host too.
    let (status, _) = server.request(
        &format!("http://evil.example:{port}/"),
        &format!("Host: 127.0.0.1:{port}\r\n"),
    );
    assert_eq!(status, 403);
    // No Host at all is refused (by the HTTP layer or by us).
    let (status, _) = server.request("/", "");
    assert!((400..500).contains(&status), "{status}");
}

#[test]
fn on_another_interface_its_address_is_answered_and_names_are_not() {
    let f = Fixture::valid();
    let server = start_on(&f.content(), "0.0.0.0");
    // Listening on every address: any IP address, as typed in a browser.
    let (status, body) = server.request("/", "Host: 192.168.1.20:8000\r\n");
    assert_eq!(status, 200, "{body}");
    let (status, _) = server.request("/", "Host: localhost\r\n");
    assert_eq!(status, 200);
    let (status, _) = server.request("/", "Host: evil.example\r\n");
    assert_eq!(status, 403, "host names are still refused");
}
