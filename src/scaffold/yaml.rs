//! A small YAML writer for the files the scaffolds create: block mappings
//! and sequences, strings written plain when that reads back as the same
//! string, quoted otherwise, and Markdown with line breaks as literal
//! blocks. Every value it writes reads back unchanged (tested).

/// YAML text under construction.
#[derive(Default)]
pub struct Yaml {
    out: String,
    /// The next line opens a sequence item: `- ` in place of its indent.
    dash: bool,
}

impl Yaml {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// A comment line.
    pub fn comment(&mut self, indent: usize, text: &str) {
        for line in text.lines() {
            self.start(indent);
            self.out.push_str("# ");
            self.out.push_str(line);
            self.out.push('\n');
        }
    }

    pub fn blank(&mut self) {
        self.out.push('\n');
    }

    /// The next key written opens a new item of a sequence of mappings.
    pub fn item(&mut self) {
        self.dash = true;
    }

    fn start(&mut self, indent: usize) {
        if self.dash {
            self.out.push_str(&" ".repeat(indent.saturating_sub(2)));
            self.out.push_str("- ");
            self.dash = false;
        } else {
            self.out.push_str(&" ".repeat(indent));
        }
    }

    /// `key:` opening a nested mapping or sequence.
    pub fn open(&mut self, indent: usize, key: &str) {
        self.start(indent);
        self.out.push_str(&scalar(key));
        self.out.push_str(":\n");
    }

    /// `key: value` for text; multi-line text becomes a literal block.
    pub fn str(&mut self, indent: usize, key: &str, value: &str) {
        self.start(indent);
        self.out.push_str(&scalar(key));
        self.out.push(':');
        self.value(indent + 2, value);
    }

    pub fn opt_str(&mut self, indent: usize, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(indent, key, v);
        }
    }

    /// `key: 12.5  # comment`.
    pub fn num(&mut self, indent: usize, key: &str, value: f64, comment: Option<&str>) {
        self.start(indent);
        self.out.push_str(&scalar(key));
        self.out.push_str(": ");
        self.out.push_str(&number(value));
        if let Some(c) = comment {
            self.out.push_str("  # ");
            self.out.push_str(c);
        }
        self.out.push('\n');
    }

    /// `key: word  # comment` for a value known to be a plain word.
    pub fn word(&mut self, indent: usize, key: &str, word: &str, comment: Option<&str>) {
        self.start(indent);
        self.out.push_str(&scalar(key));
        self.out.push_str(": ");
        self.out.push_str(&scalar(word));
        if let Some(c) = comment {
            self.out.push_str("  # ");
            self.out.push_str(c);
        }
        self.out.push('\n');
    }

    /// `key: true` or `key: false`, with an optional comment.
    pub fn flag(&mut self, indent: usize, key: &str, value: bool, comment: Option<&str>) {
        self.start(indent);
        self.out.push_str(&scalar(key));
        self.out.push_str(if value { ": true" } else { ": false" });
        if let Some(c) = comment {
            self.out.push_str("  # ");
            self.out.push_str(c);
        }
        self.out.push('\n');
    }

    /// `key:` and one `- item` line per string; nothing for an empty list.
    pub fn list(&mut self, indent: usize, key: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.open(indent, key);
        for item in items {
            self.out.push_str(&" ".repeat(indent + 2));
            self.out.push('-');
            self.value(indent + 4, item);
        }
    }

    /// Write a value after `key:` or `-`, then end the line.
    fn value(&mut self, block_indent: usize, value: &str) {
        if is_block(value) {
            let body = value.trim_end_matches('\n');
            let chomp = match value.len() - body.len() {
                0 => "-",
                1 => "",
                _ => "+",
            };
            // An indentation indicator when the text itself starts indented.
            let indicator = if body.starts_with(' ') { "2" } else { "" };
            self.out.push_str(&format!(" |{indicator}{chomp}\n"));
            let pad = " ".repeat(block_indent);
            let mut lines: Vec<&str> = value.split('\n').collect();
            if value.ends_with('\n') {
                lines.pop();
            }
            for line in lines {
                if !line.is_empty() {
                    self.out.push_str(&pad);
                    self.out.push_str(line);
                }
                self.out.push('\n');
            }
        } else {
            self.out.push(' ');
            self.out.push_str(&scalar(value));
            self.out.push('\n');
        }
    }
}

/// Multi-line text that a literal block can hold exactly.
fn is_block(text: &str) -> bool {
    text.contains('\n')
        && !text.trim().is_empty()
        && !text.starts_with('\n')
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        && !text.split('\n').any(|l| l.starts_with('\t'))
        && !text.ends_with(' ')
}

/// A number as YAML reads it back: shortest form that round-trips.
pub fn number(x: f64) -> String {
    if x.is_nan() {
        ".nan".to_string()
    } else if x.is_infinite() {
        if x > 0.0 { ".inf" } else { "-.inf" }.to_string()
    } else {
        format!("{x}")
    }
}

/// A string as a single-line YAML scalar: plain when YAML reads it back as
/// the same string, double-quoted (JSON escapes, which YAML shares) otherwise.
pub fn scalar(text: &str) -> String {
    if is_plain(text) {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
    }
}

fn is_plain(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let reserved = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ];
    first.is_alphanumeric()
        && text.trim() == text
        && !text.chars().any(char::is_control)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !reserved.contains(&text.to_ascii_lowercase().as_str())
        && !looks_numeric(text)
}

/// Whether YAML might read `text` as a number (or a date) rather than text.
fn looks_numeric(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    t.parse::<f64>().is_ok()
        || t.starts_with("0x")
        || t.starts_with("0o")
        || t.starts_with("0b")
        || t.chars()
            .all(|c| c.is_ascii_digit() || "+-._:eE".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct One {
        k: String,
        list: Vec<String>,
    }

    fn round_trip(value: &str) {
        let mut y = Yaml::new();
        y.str(0, "k", value);
        y.list(0, "list", &[value.to_string(), "x".to_string()]);
        let text = y.finish();
        let back: One = serde_saphyr::from_str(&text)
            .unwrap_or_else(|e| panic!("{value:?} wrote\n{text}\nwhich does not parse: {e}"));
        assert_eq!(back.k, value, "{text}");
        assert_eq!(back.list[0], value, "{text}");
    }

    #[test]
    fn strings_read_back_unchanged() {
        for v in [
            "plain words",
            "Q4 FY20-21",
            "2020 Q4",
            "440",
            "99.962",
            "1e3",
            "2020-07-01",
            "yes",
            "No",
            "null",
            "~",
            "- dash",
            "key: value",
            "trailing:",
            "a # comment",
            "#hash",
            "'single'",
            "\"double\"",
            " leading space",
            "trailing space ",
            "tab\there",
            "ünïcode ✔",
            "*alias",
            "&anchor",
            "!tag",
            "@at",
            "%pct",
            "[flow]",
            "{flow}",
            "|pipe",
            ">gt",
            "",
            "line one\nline two",
            "ends with newline\n",
            "two newlines\n\n",
            "  indented first\nthen not",
            "para\n\nafter blank\n",
            "- item\n- item\n",
            "back\\slash",
            "\u{1}control",
            "carriage\r\nreturn",
        ] {
            round_trip(v);
        }
    }

    #[test]
    fn nested_items_indent_under_their_dash() {
        let mut y = Yaml::new();
        y.open(0, "kpis");
        y.item();
        y.str(4, "id", "a");
        y.num(4, "value", 440.0, Some("was 440"));
        y.list(4, "tags", &["x".to_string()]);
        assert_eq!(
            y.finish(),
            "kpis:\n  - id: a\n    value: 440  # was 440\n    tags:\n      - x\n"
        );
        assert_eq!(number(99.962), "99.962");
        assert_eq!(number(-0.5), "-0.5");
    }
}
