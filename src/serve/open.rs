//! `serve --open`: the preview's address handed to the system's opener
//! (`open` on macOS, `cmd /C start` on Windows, `xdg-open` elsewhere),
//! which starts the default browser. A browser that cannot be opened is a
//! warning, not a failure: the address is printed anyway.

use std::process::{Command, Stdio};

/// Ask the system to open `url` in the default browser.
pub fn browser(url: &str) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(windows) {
        let mut c = Command::new("cmd");
        // `start`'s first quoted argument is a window title.
        c.args(["/C", "start", ""]);
        c
    } else {
        Command::new("xdg-open")
    };
    // The opener returns at once; its output is not ours to show.
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reaped when it exits, so no zombie is left while serving.
            std::thread::spawn(move || child.wait());
        })
}
