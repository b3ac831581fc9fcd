//! Slugs: the one rule that turns text (a heading, a title) into an id
//! safe for URLs and HTML, used for slide ids, heading ids and id suggestions.

/// An id-safe slug of `text`: lowercase ASCII letters and digits, every other
/// run of characters becomes one `-`, no `-` at either end. Accented Latin
/// letters are transliterated (`é` → `e`, `ß` → `ss`), apostrophes and other
/// letters (Greek, CJK, …) are dropped. May be empty.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            push_slug_part(&mut out, &mut dash, c.encode_utf8(&mut [0; 4]));
        } else if let Some(latin) = transliterate(c) {
            push_slug_part(&mut out, &mut dash, latin);
        } else if c.is_alphanumeric() || is_dropped_mark(c) {
            // A letter or digit we cannot spell in ASCII, or a combining mark.
        } else {
            dash = true;
        }
    }
    out
}

fn push_slug_part(out: &mut String, dash: &mut bool, part: &str) {
    if *dash && !out.is_empty() {
        out.push('-');
    }
    *dash = false;
    out.push_str(part);
}

fn is_dropped_mark(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{0300}'..='\u{036F}')
}

fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}
