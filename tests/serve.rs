//! `quarterdeck serve`, end to end: the real binary on an ephemeral
//! 127.0.0.1 port, a file edited on disk, and the rebuilt page and the
//! reload message seen over HTTP. Every wait is bounded; the server is
//! stopped when the test ends, whatever happens. No timing is asserted.
#![cfg(feature = "serve")]

mod common;
use common::*;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Generous bound on any one wait: a slow, shared CI machine rebuilds in
/// well under this, and a hung test still ends.
const WAIT: Duration = Duration::from_secs(60);

/// A running `quarterdeck serve`, killed on drop.
struct Server {
    child: Child,
    port: u16,
    log: mpsc::Receiver<String>,
    /// What the server printed before it was listening (the first build).
    early: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(content: &std::path::Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quarterdeck"))
            .args(["serve", "--port", "0", "--content", path(content)])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (send, log) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            port: 0,
            log,
            early: Vec::new(),
        };
        let (line, early) = server.wait_for("serving http://127.0.0.1:");
        server.early = early;
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line}"));
        server.port = port;
        server
    }

    /// The next line of the server's stderr containing `needle`.
    fn wait_for_line(&self, needle: &str) -> String {
        self.wait_for(needle).0
    }

    /// The next line containing `needle`, and the lines before it.
    fn wait_for(&self, needle: &str) -> (String, Vec<String>) {
        let deadline = Instant::now() + WAIT;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.log.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return (line, seen),
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!(
            "the server never printed {needle:?}; it printed:\n{}",
            seen.join("\n")
        );
    }

    /// GET `path`: status line, headers and body.
    fn get(&self, path: &str) -> (u16, String, String) {
        let mut stream = self.connect();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, head.to_string(), body.to_string())
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        stream
    }

    /// Subscribe to the live-reload events, naming no page.
    fn events(&self) -> Events {
        self.events_at("").0
    }

    /// Subscribe to the live-reload events as the injected script does,
    /// with its `query`; and the version `hello` carried.
    fn events_at(&self, query: &str) -> (Events, String) {
        let mut stream = self.connect();
        write!(
            stream,
            "GET /__quarterdeck/events{query} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut events = Events {
            reader: BufReader::new(stream),
        };
        // Response head, then the greeting.
        let hello = events.next_event();
        assert_eq!(hello.0, "hello", "{hello:?}");
        (events, hello.1)
    }
}

struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// The next event as (name, data). Chunked transfer framing lines and
    /// keep-alive comments are skipped.
    fn next_event(&mut self) -> (String, String) {
        let mut name = String::new();
        let mut data: Vec<String> = Vec::new();
        let deadline = Instant::now() + WAIT;
        loop {
            assert!(Instant::now() < deadline, "no event in time");
            let mut line = String::new();
            let n = self.reader.read_line(&mut line).expect("event stream read");
            assert!(n > 0, "the event stream closed");
            let line = line.trim_end_matches(['\r', '\n']);
            if let Some(v) = line.strip_prefix("event:") {
                name = v.trim().to_string();
            } else if let Some(v) = line.strip_prefix("data:") {
                data.push(v.strip_prefix(' ').unwrap_or(v).to_string());
            } else if line.is_empty() && !name.is_empty() {
                return (name, data.join("\n"));
            }
        }
    }

    /// Skip events until one named `wanted`.
    fn wait_for(&mut self, wanted: &str) -> String {
        loop {
            let (name, data) = self.next_event();
            if name == wanted {
                return data;
            }
        }
    }
}

#[test]
fn serves_rebuilds_on_save_and_sends_reload() {
    let f = Fixture::valid();
    let server = Server::start(&f.content());

    let (status, head, index) = server.get("/");
    assert_eq!(status, 200, "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: text/html"),
        "{head}"
    );
    assert!(index.contains("Example reviews"), "{index}");
    assert!(
        index.contains("/__quarterdeck/live.js"),
        "served pages carry the live-reload script"
    );
    let (status, _, js) = server.get("/__quarterdeck/live.js");
    assert_eq!(status, 200);
    assert!(js.contains("EventSource"));
    let (status, _, deck) = server.get("/fy20-21-q1/index.html");
    assert_eq!(status, 200);
    assert!(deck.contains("The quarter in one slide."));
    let (status, head, _) = server.get("/fy20-21-q1");
    assert_eq!(status, 301, "{head}");
    let (status, _, _) = server.get("/assets/style.css");
    assert_eq!(status, 200);
    assert_eq!(server.get("/no-such-page.html").0, 404);
    assert_eq!(server.get("/../../etc/passwd").0, 404);

    let mut events = server.events();
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome {#welcome}\n\nEdited while serving.\n",
    );
    events.wait_for("reload");
    server.wait_for_line("reload sent");
    let (_, _, deck) = server.get("/fy20-21-q1/index.html");
    assert!(
        deck.contains("Edited while serving."),
        "the rebuilt page is served"
    );
    assert!(!deck.contains("The quarter in one slide."));
}

#[test]
fn the_page_a_browser_shows_is_served_first_and_reloaded_once() {
    let f = Fixture::valid();
    let server = Server::start(&f.content());
    let deck = "?page=%2Ffy20-21-q1%2F&version=1";
    let (mut shown, hello) = server.events_at(deck);
    assert_eq!(hello, "1", "the first build's deck is current");
    let (mut elsewhere, _) = server.events_at("?page=%2F&version=1");

    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome {#welcome}\n\nEdited while serving.\n",
    );
    assert_eq!(shown.wait_for("reload"), "2", "its quarter is served first");
    assert_eq!(elsewhere.wait_for("reload"), "3", "the index with the rest");
    server.wait_for_line("the open pages first");
    let (_, _, page) = server.get("/fy20-21-q1/index.html");
    assert!(page.contains("Edited while serving."));
    assert!(page.contains("data-version=\"3\""), "served now at 3");

    // A deck reloaded at 2 is current; an index served at 2 is not.
    let (_, hello) = server.events_at("?page=%2Ffy20-21-q1%2Findex.html&version=2");
    assert_eq!(hello, "2");
    let (_, hello) = server.events_at("?page=%2F&version=2");
    assert_eq!(hello, "3");
    let (_, hello) = server.events_at("");
    assert_eq!(hello, "3");
}

#[test]
fn a_bad_edit_shows_its_error_and_keeps_the_last_good_site() {
    let f = Fixture::valid();
    let server = Server::start(&f.content());
    let mut events = server.events();

    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace("owner: Ada Lovelace", "ownr: Ada Lovelace"),
    );
    let error = events.wait_for("error-text");
    assert!(
        error.contains("quarters/q1/sections/platform.yaml:2:1: unknown field `ownr`"),
        "the browser gets the located error: {error}"
    );
    assert!(error.contains("did you mean `owner`?"), "{error}");
    server.wait_for_line("unknown field `ownr`");
    let (status, _, deck) = server.get("/fy20-21-q1/index.html");
    assert_eq!(status, 200, "the last good site stays served");
    assert!(deck.contains("The quarter in one slide."));

    // A browser that opens a page now learns of the error on connecting.
    let mut late = Events {
        reader: {
            let mut stream = server.connect();
            write!(
                stream,
                "GET /__quarterdeck/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            )
            .unwrap();
            BufReader::new(stream)
        },
    };
    assert_eq!(late.next_event().0, "hello");
    assert!(late.next_event().1.contains("unknown field `ownr`"));

    f.write("quarters/q1/sections/platform.yaml", SECTION);
    events.wait_for("reload");
    assert_eq!(server.get("/fy20-21-q1/index.html").0, 200);
}

#[test]
fn a_site_that_never_built_explains_why_and_recovers() {
    let f = Fixture::valid();
    f.write("site.yaml", "organisation: Example Org\n");
    let server = Server::start(&f.content());
    let (status, _, body) = server.get("/");
    assert_eq!(status, 503);
    assert!(body.contains("missing required field `title`"), "{body}");
    assert!(body.contains("/__quarterdeck/live.js"));
    let mut events = server.events();
    f.write("site.yaml", SITE);
    events.wait_for("reload");
    let (status, _, body) = server.get("/");
    assert_eq!(status, 200);
    assert!(body.contains("Example reviews"));
}

#[test]
fn only_the_quarter_whose_narrative_changed_is_rendered_again() {
    let f = Fixture::valid();
    f.write(
        "quarters/q2/quarter.yaml",
        "fiscal_year: 2020\nquarter: 2\ntitle: Second review\n",
    );
    let server = Server::start(&f.content());
    assert!(
        server
            .early
            .iter()
            .any(|l| l.contains("built 2 of 2 quarters")),
        "{:?}",
        server.early
    );
    let mut events = server.events();
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome {#welcome}\n\nOnly this quarter changes.\n",
    );
    events.wait_for("reload");
    server.wait_for_line("rebuilt 1 of 2 quarters");
    // A KPI value shows in other quarters' comparisons: all re-render.
    f.write(
        "quarters/q1/sections/platform.yaml",
        &SECTION.replace("value: 440", "value: 450"),
    );
    events.wait_for("reload");
    server.wait_for_line("rebuilt 2 of 2 quarters");
    let (_, _, deck) = server.get("/fy20-21-q1/index.html");
    assert!(deck.contains("450"), "{deck}");
}

#[test]
fn build_output_never_carries_the_live_reload_script() {
    let f = Fixture::valid();
    f.build().expect_ok();
    for (path, bytes) in snapshot(&f.output()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__quarterdeck"), "{path}");
    }
}

#[test]
fn serves_the_example_content() {
    let server = Server::start(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content"
    )));
    for page in ["/", "/fy20-21-q1/", "/fy15-16-q1/index.html"] {
        let (status, _, body) = server.get(page);
        assert_eq!(status, 200, "{page}");
        assert!(body.contains("/__quarterdeck/live.js"), "{page}");
    }
    // Media are served from the content folder.
    let (status, head, body) = server.get("/media/media/opex-reduction.svg");
    assert_eq!(status, 200, "{head}");
    assert!(
        head.to_ascii_lowercase().contains("image/svg+xml"),
        "{head}"
    );
    assert!(body.contains("<svg"));
}

#[test]
fn serves_drafts_that_build_leaves_out() {
    let f = Fixture::valid();
    f.write(
        "quarters/q2/quarter.yaml",
        &QUARTER.replace("quarter: 1\n", "quarter: 2\ndraft: true\n"),
    );
    f.write("quarters/q2/sections/platform.yaml", SECTION);
    let server = Server::start(&f.content());
    let (status, _, deck) = server.get("/fy20-21-q2/index.html");
    assert_eq!(status, 200, "the draft is served");
    assert!(deck.contains("Platform review"));
    let (_, _, index) = server.get("/");
    assert!(
        !index.contains("fy20-21-q2"),
        "and not linked from the index"
    );
}

#[cfg(unix)]
#[test]
fn an_image_that_became_a_link_out_is_not_served() {
    let f = Fixture::valid();
    f.write("quarters/q1/narrative/x.png", "png bytes");
    f.write(
        "quarters/q1/narrative/intro.md",
        "# Welcome {#welcome}\n\n![chart](x.png)\n",
    );
    let server = Server::start(&f.content());
    let (status, _, body) = server.get("/media/quarters/q1/narrative/x.png");
    assert_eq!(status, 200);
    assert_eq!(body, "png bytes");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret"), "secret").unwrap();
    let image = f.content().join("quarters/q1/narrative/x.png");
    std::fs::remove_file(&image).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret"), &image).unwrap();
    let (status, _, body) = server.get("/media/quarters/q1/narrative/x.png");
    assert!(!body.contains("secret"), "{body}");
    assert_eq!(status, 404);
}

/// What the file watcher reports in its own way shows, as a save does: a
/// quarter folder written elsewhere and moved in whole (one event names
/// the folder alone), renamed, a file in it saved by renaming a temporary
/// file over it, then the folder removed.
#[test]
fn quarter_folders_moved_in_renamed_and_removed_show() {
    let f = Fixture::valid();
    let server = Server::start(&f.content());
    let mut events = server.events();
    // Reload events until the served `page` passes `test`.
    let mut until = |page: &str, test: &dyn Fn(u16, &str) -> bool| loop {
        let (status, _, body) = server.get(page);
        if test(status, &body) {
            return;
        }
        events.wait_for("reload");
    };
    let outside = f.dir.path().join("elsewhere");
    fs::create_dir_all(outside.join("narrative")).unwrap();
    fs::write(
        outside.join("quarter.yaml"),
        "fiscal_year: 2020\nquarter: 2\ntitle: Second review\n",
    )
    .unwrap();
    fs::write(outside.join("narrative/intro.md"), "# Moved in {#moved}\n").unwrap();
    fs::rename(&outside, f.content().join("quarters/q2")).unwrap();
    until("/fy20-21-q2/index.html", &|s, body| {
        s == 200 && body.contains("Moved in")
    });

    fs::rename(
        f.content().join("quarters/q2"),
        f.content().join("quarters/second"),
    )
    .unwrap();
    let page = f.content().join("quarters/second/narrative/intro.md");
    let temp = f.content().join("quarters/second/narrative/intro.md.tmp");
    fs::write(&temp, "# Renamed {#renamed}\n").unwrap();
    fs::rename(&temp, &page).unwrap();
    until("/fy20-21-q2/index.html", &|s, body| {
        s == 200 && body.contains("Renamed") && !body.contains("Moved in")
    });

    fs::remove_dir_all(f.content().join("quarters/second")).unwrap();
    until("/fy20-21-q2/index.html", &|s, _| s == 404);
    let (status, _, _) = server.get("/fy20-21-q1/index.html");
    assert_eq!(status, 200);
}
