//! Markdown to HTML, safely: raw HTML escaped unless allowed, unsafe link schemes dropped.
