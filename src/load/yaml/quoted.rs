//! A quoted number is text: `value: "440"` is refused where a number is
//! expected, as the JSON Schemas refuse it. serde-saphyr reads `"440"` into
//! a number field without a word, so each quoted numeral is tried unquoted
//! (its quotes blanked, so positions stay): read as text, an unquoted
//! numeral is refused ([`super::options`]); read as a number, it parses,
//! and then the quoted one was used as a number.

use crate::diagnostics::Diagnostic;
use crate::model::Pos;
use serde::de::DeserializeOwned;

pub(super) fn numbers_used_as_numbers<T: DeserializeOwned>(
    file: &str,
    text: &str,
    quoted: &[(usize, usize)],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if quoted.is_empty() {
        return out;
    }
    let chars: Vec<char> = text.chars().collect();
    for &(start, end) in quoted {
        let (Some(_), Some(_)) = (
            chars.get(start),
            end.checked_sub(1).and_then(|e| chars.get(e)),
        ) else {
            continue;
        };
        let mut unquoted = chars.clone();
        unquoted[start] = ' ';
        unquoted[end - 1] = ' ';
        let unquoted: String = unquoted.into_iter().collect();
        if serde_saphyr::from_str_with_options::<T>(&unquoted, super::options()).is_ok() {
            let byte = text.char_indices().nth(start).map_or(0, |(b, _)| b);
            let written: String = chars[start..end].iter().collect();
            out.push(
                Diagnostic::error(file, format!("{written} is text, not a number"))
                    .at_pos(Pos::of_offset(text, byte))
                    .expected("a number written without quotes, such as `440`")
                    .help(format!(
                        "remove the quotes: {}",
                        written.trim_matches(['"', '\''])
                    )),
            );
        }
    }
    out
}
