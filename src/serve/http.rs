//! The HTTP side of `serve`: pages from memory with the live-reload script
//! injected, media from the content folder, and the event stream browsers
//! listen to.

use super::state::{Live, Notice};
use crate::html::html_escape;
use crate::mime::content_type;
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// Where the script and the event stream live: a path no page can have
/// (a page path never starts with `__`).
pub const EVENTS: &str = "/__quarterdeck/events";
pub const SCRIPT: &str = "/__quarterdeck/live.js";

const LIVE_JS: &str = include_str!("live.js");

pub fn router(live: Arc<Live>, interface: std::net::IpAddr) -> Router {
    Router::new()
        .route(EVENTS, get(events))
        .route(SCRIPT, get(script))
        .fallback(get(page))
        .with_state(live)
        .layer(axum::middleware::from_fn_with_state(
            interface,
            super::host::allowed_only,
        ))
}

async fn script() -> Response {
    respond(
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        LIVE_JS.into(),
    )
}

/// Server-sent events: `hello` on connecting (and the error, if the last
/// build failed), then `reload` when new pages are served and `error-text`
/// after every bad build. The page listening names itself and the version
/// it was served at (`?page=/fy20-21-q1/&version=3`, as the injected script
/// does): `hello` carries that version when the page is current, else the
/// version served now; `reload` comes only when its page is served again;
/// and while it listens, rebuilds render its page first.
async fn events(
    State(live): State<Arc<Live>>,
    uri: Uri,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let listener = Listener::of(uri.query().unwrap_or(""));
    let receiver = live.subscribe();
    let snapshot = live.snapshot();
    let hello = match listener.version {
        Some(v) if snapshot.current(listener.page.as_deref(), v) => v,
        _ => snapshot.version,
    };
    let mut first = vec![Event::default().event("hello").data(hello.to_string())];
    if let Some(text) = live.error() {
        first.push(Event::default().event("error-text").data(text));
    }
    let page = listener.page;
    // Dropped with the stream, when the browser goes away.
    let shown = page.clone().map(|p| live.show(p));
    let greeting = stream::iter(first.into_iter().map(Ok));
    let state = (receiver, page, shown);
    let updates = stream::unfold(state, |(mut receiver, page, shown)| async move {
        loop {
            match receiver.recv().await {
                Ok(Notice::Reload(version, scope)) => {
                    if !scope.includes(page.as_deref()) {
                        continue;
                    }
                    let event = Event::default().event("reload").data(version.to_string());
                    return Some((Ok(event), (receiver, page, shown)));
                }
                Ok(Notice::Error(text)) => {
                    let event = Event::default().event("error-text").data(text);
                    return Some((Ok(event), (receiver, page, shown)));
                }
                // Fell behind: only the latest state matters, keep going.
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(futures_util::StreamExt::chain(greeting, updates))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// What a listener for reloads says of itself in its query string.
#[derive(Debug, Default, PartialEq)]
struct Listener {
    /// The site path of the page it shows.
    page: Option<String>,
    /// The version that page was served at.
    version: Option<u64>,
}

impl Listener {
    fn of(query: &str) -> Self {
        let mut listener = Listener::default();
        for pair in query.split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = crate::model::paths::decode(value);
            match name {
                "page" => listener.page = site_path(&value),
                "version" => listener.version = value.parse().ok(),
                _ => {}
            }
        }
        listener
    }
}

async fn page(State(live): State<Arc<Live>>, uri: Uri) -> Response {
    let snapshot = live.snapshot();
    let Some(path) = site_path(uri.path()) else {
        return not_found(&live, uri.path(), snapshot.version);
    };
    if let Some(bytes) = snapshot.files.get(&path) {
        let kind = content_type(&path);
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            return respond(StatusCode::OK, kind, inject(&html, snapshot.version).into());
        }
        return respond(StatusCode::OK, kind, Body::from(bytes.to_vec()));
    }
    if let Some(file) = snapshot.media.get(&path) {
        let (reader, file) = (Arc::clone(&live), file.clone());
        let read = tokio::task::spawn_blocking(move || reader.read_medium(&file)).await;
        return match read {
            Ok(Some(bytes)) => respond(StatusCode::OK, content_type(&path), bytes.into()),
            _ => not_found(&live, uri.path(), snapshot.version),
        };
    }
    // `/fy20-21-q1` → `/fy20-21-q1/`, so the page's relative links work.
    if snapshot.files.contains_key(&format!("{path}/index.html")) {
        let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
        if let Ok(to) = HeaderValue::from_str(&format!("/{path}/")) {
            r.headers_mut().insert(header::LOCATION, to);
        }
        return r;
    }
    not_found(&live, uri.path(), snapshot.version)
}

/// `/a/b%20c/` → `a/b c/index.html`; `None` for a path that tries to climb.
pub fn site_path(uri_path: &str) -> Option<String> {
    let decoded = crate::model::paths::decode(uri_path);
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p => parts.push(p),
        }
    }
    let mut path = parts.join("/");
    if decoded.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

/// The page with the live-reload script before `</body>` (or at the end).
pub fn inject(html: &str, version: u64) -> String {
    let tag = format!("<script src=\"{SCRIPT}\" data-version=\"{version}\"></script>");
    match html.rfind("</body>") {
        Some(at) => format!("{}{tag}\n{}", &html[..at], &html[at..]),
        None => format!("{html}{tag}\n"),
    }
}

/// A 404, or while no build has succeeded yet, a 503 that shows the error;
/// either way with the script, so the page recovers by itself.
fn not_found(live: &Live, path: &str, version: u64) -> Response {
    let (status, title, text) = match live.error() {
        Some(text) if version == 0 => (
            StatusCode::SERVICE_UNAVAILABLE,
            "The site does not build yet",
            text,
        ),
        _ => (
            StatusCode::NOT_FOUND,
            "Not found",
            format!("There is no page at {path}."),
        ),
    };
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><h1>{title}</h1><pre>{}</pre><p><a href=\"/\">Index</a></p></body></html>\n",
        html_escape(&text)
    );
    respond(
        status,
        "text/html; charset=utf-8",
        inject(&html, version).into(),
    )
}

fn respond(status: StatusCode, kind: &'static str, body: Body) -> Response {
    let mut r = Response::new(body);
    *r.status_mut() = status;
    let headers = r.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // A preview: always the latest build.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_site_files_and_never_climb() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            site_path("/fy20-21-q1/").as_deref(),
            Some("fy20-21-q1/index.html")
        );
        assert_eq!(
            site_path("/media/a%20b.png").as_deref(),
            Some("media/a b.png")
        );
        assert_eq!(site_path("/fy20-21-q1").as_deref(), Some("fy20-21-q1"));
        assert_eq!(site_path("/../etc/passwd"), None);
        assert_eq!(site_path("/a/%2e%2e/%2e%2e/x"), None);
    }

    #[test]
    fn a_listener_names_its_page_as_a_site_path() {
        assert_eq!(
            Listener::of("page=%2Ffy20-21-q1%2F&version=3"),
            Listener {
                page: Some("fy20-21-q1/index.html".into()),
                version: Some(3)
            }
        );
        assert_eq!(
            Listener::of("version=x&page=%2F..%2Fetc&other=1"),
            Listener::default()
        );
        assert_eq!(Listener::of(""), Listener::default());
    }

    #[test]
    fn the_script_goes_before_the_closing_body_tag() {
        assert_eq!(
            inject("<body><p>x</p></body></html>", 3),
            "<body><p>x</p><script src=\"/__quarterdeck/live.js\" data-version=\"3\"></script>\n</body></html>"
        );
        assert!(inject("<p>x</p>", 1).ends_with("</script>\n"));
    }
}
