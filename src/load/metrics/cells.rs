//! The cells of a CSV row as a person sees them: where a cell starts on
//! its line, its column's spreadsheet letter, and a number as written.

/// The number a `value` cell holds, or the help for one that is none.
/// Digits, a point, a sign and an exponent only: never `inf` or `NaN`,
/// never a unit or a thousands separator.
pub(super) fn number(text: &str) -> Result<f64, String> {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    match text.parse::<f64>() {
        Ok(n) if plain && n.is_finite() => Ok(n),
        _ => {
            let digits: String = text
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
                .collect();
            Err(if text.contains(',') && !digits.is_empty() {
                format!(
                    "write the number without separators, with a point for decimals: `{digits}`"
                )
            } else if !digits.is_empty() && digits.parse::<f64>().is_ok() {
                format!(
                    "drop the unit: write `{digits}`; the unit is the figure's `unit:` in the section file"
                )
            } else {
                "leave the cell blank when there is no figure; words go in `value_text:` in the section file".to_string()
            })
        }
    }
}

/// The spreadsheet name of column `i` (0-based): A, B, ... Z, AA ...
pub(super) fn letter(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(r).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The 1-based character column where cell `i` starts on `line`: cells
/// are separated by commas outside double quotes (`""` is a quote).
pub(super) fn column_of(line: &str, i: usize) -> u32 {
    let mut cell = 0;
    let mut quoted = false;
    for (at, (byte, c)) in line.char_indices().enumerate() {
        if cell == i {
            let skipped = line[byte..].chars().take_while(|c| *c == ' ').count();
            return u32::try_from(at + skipped + 1).unwrap_or(u32::MAX);
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => cell += 1,
            _ => {}
        }
        if cell == i && c == ',' {
            let rest = &line[byte + 1..];
            let skipped = rest.chars().take_while(|c| *c == ' ').count();
            return u32::try_from(at + 2 + skipped).unwrap_or(u32::MAX);
        }
    }
    u32::try_from(line.chars().count() + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::{column_of, letter, number};

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(3), "D");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
    }

    #[test]
    fn a_cell_is_found_past_quoted_commas() {
        let line = r#"2020 Q1,"a, ""b""",kpi,  12"#;
        assert_eq!(column_of(line, 0), 1);
        assert_eq!(column_of(line, 1), 9);
        assert_eq!(column_of(line, 2), 20);
        assert_eq!(column_of(line, 3), 26);
        // A missing cell: just past the end.
        assert_eq!(column_of("a,b", 5), 4);
    }

    #[test]
    fn a_number_is_digits_alone() {
        assert_eq!(number("99.962"), Ok(99.962));
        assert_eq!(number("-3"), Ok(-3.0));
        assert!(number("inf").is_err());
        assert!(number("NaN").is_err());
        assert!(
            number("45%")
                .unwrap_err()
                .contains("drop the unit: write `45`")
        );
        assert!(number("1,234").unwrap_err().contains("`1234`"));
        assert!(number("n/a").unwrap_err().contains("value_text"));
    }
}
