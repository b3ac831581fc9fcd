//! Number formatting for pages: fixed, deterministic, readable.
//!
//! Owns how every figure reads on a slide: decimals taken from what the
//! author wrote, a real minus sign, explicit signs for changes, and percent
//! with a narrow no-break space. Rounding works on the shortest decimal
//! representation of the number (what the YAML said), half away from zero,
//! so `2.675` shown with two decimals reads `2.68`. Non-finite numbers
//! never reach a page: they print as an en dash.

/// The minus sign used on pages (U+2212), not the hyphen-minus.
pub const MINUS: char = '\u{2212}';

/// Narrow no-break space (U+202F), written between a number and `%`.
pub const NARROW_NBSP: char = '\u{202F}';

/// What a non-finite number prints as.
pub const MISSING: &str = "–";

/// Most decimals [`decimals`] ever reports.
pub const MAX_DECIMALS: usize = 6;

/// Decimals in the shortest round-trip representation of `x`, capped at
/// [`MAX_DECIMALS`]: `99.962` → 3, `440` → 0, `0.7` → 1. Non-finite → 0.
pub fn decimals(x: f64) -> usize {
    if !x.is_finite() {
        return 0;
    }
    // `{:e}` gives the shortest round-trip digits as `d.ddde±n`.
    let text = format!("{:e}", x.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text.as_str(), "0"));
    let fraction_digits = mantissa.split_once('.').map_or(0, |(_, f)| f.len());
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let fraction_digits = i64::try_from(fraction_digits).unwrap_or(i64::MAX);
    let places = fraction_digits.saturating_sub(exponent).max(0);
    usize::try_from(places)
        .unwrap_or(MAX_DECIMALS)
        .min(MAX_DECIMALS)
}

/// `x` with exactly `decimals` decimals: no thousands separator, `−` for
/// negatives, never `−0`. Non-finite → `–`.
pub fn format_number(x: f64, decimals: usize) -> String {
    match round_digits(x, decimals) {
        None => MISSING.to_string(),
        Some(rounded) if rounded.negative => format!("{MINUS}{}", rounded.text),
        Some(rounded) => rounded.text,
    }
}

/// `x` with as many decimals as it was written with.
pub fn format_value(x: f64) -> String {
    if x.is_finite() {
        // The shortest round-trip form already has `decimals(x)` places:
        // unless there are too many, it is the answer, without rounding.
        let text = format!("{}", x.abs());
        let places = text.split_once('.').map_or(0, |(_, f)| f.len());
        if places <= MAX_DECIMALS {
            return if x < 0.0 && x.abs() > 0.0 {
                format!("{MINUS}{text}")
            } else {
                text
            };
        }
    }
    format_number(x, decimals(x))
}

/// `x` with an explicit sign: `+77`, `−0.017`, and `±0` when it rounds to
/// zero at `decimals`. Non-finite → `–`.
pub fn format_signed(x: f64, decimals: usize) -> String {
    match round_digits(x, decimals) {
        None => MISSING.to_string(),
        Some(rounded) if rounded.zero => "±0".to_string(),
        Some(rounded) if rounded.negative => format!("{MINUS}{}", rounded.text),
        Some(rounded) => format!("+{}", rounded.text),
    }
}

/// A change in percent, signed: `+77 %` (no decimals from 10 % up),
/// `−5.3 %` (one decimal below), `±0 %`. Non-finite → `–`.
pub fn format_percent_change(p: f64) -> String {
    if !p.is_finite() {
        return MISSING.to_string();
    }
    // Decide on the value as shown with one decimal, so 9.96 reads `+10 %`
    // rather than `+10.0 %`.
    let shown = round_digits(p, 1).map_or(p, |r| r.value());
    let places = if shown.abs() >= 10.0 { 0 } else { 1 };
    format!("{}{NARROW_NBSP}%", format_signed(p, places))
}

/// A progress fraction as a whole percent: 0.25 → `25 %`, −1.0 →
/// `−100 %`, 3.777 → `378 %`. Non-finite → `–`.
pub fn format_fraction_percent(f: f64) -> String {
    let percent = f * 100.0;
    if !percent.is_finite() {
        return MISSING.to_string();
    }
    format!("{}{NARROW_NBSP}%", format_number(percent, 0))
}

/// `|x|` rounded to a number of decimals, as digits.
struct Rounded {
    /// The digits of `|x|`, e.g. `0.017`.
    text: String,
    /// Every digit is zero.
    zero: bool,
    /// `x` was negative and did not round to zero.
    negative: bool,
}

impl Rounded {
    fn value(&self) -> f64 {
        let magnitude: f64 = self.text.parse().unwrap_or(0.0);
        if self.negative { -magnitude } else { magnitude }
    }
}

/// Round `x` to `decimals` places, half away from zero, on its shortest
/// decimal representation. `None` for a non-finite `x`.
fn round_digits(x: f64, decimals: usize) -> Option<Rounded> {
    if !x.is_finite() {
        return None;
    }
    // Display never uses an exponent and prints the shortest round-trip form.
    let text = format!("{}", x.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut digits: Vec<u8> = int_part.bytes().map(|b| b.saturating_sub(b'0')).collect();
    let frac: Vec<u8> = frac_part.bytes().map(|b| b.saturating_sub(b'0')).collect();
    let round_up = frac.get(decimals).is_some_and(|d| *d >= 5);
    digits.extend(frac.iter().take(decimals));
    digits.resize(int_part.len() + decimals, 0);
    if round_up {
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == 9 {
                *d = 0;
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            digits.insert(0, 1);
        }
    }
    // Display always writes an integer part, so there is at least one digit
    // before the decimals.
    let int_len = digits.len().saturating_sub(decimals);
    // Drop leading zeros of the integer part, keeping one.
    let leading = digits
        .iter()
        .take(int_len.saturating_sub(1))
        .take_while(|d| **d == 0)
        .count();
    let mut out = String::with_capacity(digits.len() + 1);
    for (i, d) in digits.iter().enumerate().skip(leading) {
        if i == int_len {
            out.push('.');
        }
        out.push(char::from(b'0' + d));
    }
    let zero = digits.iter().all(|d| *d == 0);
    Some(Rounded {
        text: out,
        zero,
        negative: x < 0.0 && !zero,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_its_number_at_its_own_decimals() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            440.0,
            99.962,
            -0.017,
            0.1 + 0.2,
            1e21,
            1.5e-7,
            123456.789,
            -2.5e-12,
            0.000_001,
            9.999_999_999,
            f64::MAX,
            f64::MIN_POSITIVE,
            1.0 / 3.0,
        ];
        // A deterministic spread of magnitudes and digits.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..5000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mantissa = (seed % 1_000_000_007) as f64;
            let scale = 10f64.powi((seed >> 40) as i32 % 24 - 12);
            let sign = if seed & 1 == 0 { 1.0 } else { -1.0 };
            values.push(sign * mantissa * scale);
        }
        for x in values {
            assert_eq!(format_value(x), format_number(x, decimals(x)), "{x:e}");
        }
        assert_eq!(format_value(f64::NAN), MISSING);
    }

    #[test]
    fn decimals_follow_the_shortest_representation() {
        assert_eq!(decimals(99.962), 3);
        assert_eq!(decimals(440.0), 0);
        assert_eq!(decimals(0.7), 1);
        assert_eq!(decimals(-0.017), 3);
        assert_eq!(decimals(0.0), 0);
        assert_eq!(decimals(1e21), 0);
        assert_eq!(decimals(1.5e-3), 4);
        assert_eq!(decimals(0.1 + 0.2), MAX_DECIMALS);
        assert_eq!(decimals(1e-9), MAX_DECIMALS);
        assert_eq!(decimals(f64::NAN), 0);
        assert_eq!(decimals(f64::INFINITY), 0);
    }

    #[test]
    fn fixed_decimals_with_a_real_minus_sign() {
        assert_eq!(format_number(99.962, 3), "99.962");
        assert_eq!(format_number(440.0, 0), "440");
        assert_eq!(format_number(440.0, 2), "440.00");
        assert_eq!(format_number(-5.25, 1), "\u{2212}5.3");
        assert_eq!(format_number(1234567.0, 0), "1234567");
        assert_eq!(format_number(0.017, 1), "0.0");
        assert_eq!(format_number(0.05, 1), "0.1");
        assert_eq!(format_number(1e21, 0), "1000000000000000000000");
    }

    #[test]
    fn rounds_what_the_author_wrote_half_away_from_zero() {
        // 2.675 is stored as 2.67499999…; the page shows what the YAML said.
        assert_eq!(format_number(2.675, 2), "2.68");
        assert_eq!(format_number(0.125, 2), "0.13");
        assert_eq!(format_number(0.5, 0), "1");
        assert_eq!(format_number(-0.5, 0), "\u{2212}1");
        assert_eq!(format_number(9.995, 2), "10.00");
        assert_eq!(format_number(999.5, 0), "1000");
        assert_eq!(format_number(0.0004, 3), "0.000");
    }

    #[test]
    fn never_prints_negative_zero() {
        assert_eq!(format_number(-0.0, 0), "0");
        assert_eq!(format_number(-0.0001, 2), "0.00");
        assert_eq!(format_value(-0.0), "0");
        assert_eq!(format_signed(-0.0001, 2), "±0");
    }

    #[test]
    fn format_value_uses_the_written_decimals() {
        assert_eq!(format_value(99.962), "99.962");
        assert_eq!(format_value(-0.7), "\u{2212}0.7");
        assert_eq!(format_value(1088.0), "1088");
    }

    #[test]
    fn signed_values_always_carry_a_sign() {
        assert_eq!(format_signed(77.0, 0), "+77");
        assert_eq!(format_signed(-0.017, 3), "\u{2212}0.017");
        assert_eq!(format_signed(0.0, 0), "±0");
        assert_eq!(format_signed(0.0, 3), "±0");
        assert_eq!(format_signed(1.5, 1), "+1.5");
    }

    #[test]
    fn percent_changes_use_a_narrow_no_break_space() {
        assert_eq!(format_percent_change(77.2), "+77\u{202F}%");
        assert_eq!(format_percent_change(-5.26), "\u{2212}5.3\u{202F}%");
        assert_eq!(format_percent_change(-10.4), "\u{2212}10\u{202F}%");
        assert_eq!(format_percent_change(9.96), "+10\u{202F}%");
        assert_eq!(format_percent_change(0.0), "±0\u{202F}%");
        assert_eq!(format_percent_change(0.04), "±0\u{202F}%");
        assert_eq!(format_percent_change(0.06), "+0.1\u{202F}%");
    }

    #[test]
    fn fractions_read_as_whole_percent() {
        assert_eq!(format_fraction_percent(0.25), "25\u{202F}%");
        assert_eq!(format_fraction_percent(-1.0), "\u{2212}100\u{202F}%");
        assert_eq!(format_fraction_percent(3.777), "378\u{202F}%");
        assert_eq!(format_fraction_percent(170.0 / 45.0), "378\u{202F}%");
        assert_eq!(format_fraction_percent(0.0), "0\u{202F}%");
        assert_eq!(format_fraction_percent(-0.001), "0\u{202F}%");
    }

    #[test]
    fn non_finite_numbers_print_as_a_dash() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(format_number(x, 2), MISSING);
            assert_eq!(format_value(x), MISSING);
            assert_eq!(format_signed(x, 0), MISSING);
            assert_eq!(format_percent_change(x), MISSING);
            assert_eq!(format_fraction_percent(x), MISSING);
        }
        assert_eq!(format_fraction_percent(f64::MAX), MISSING);
    }

    #[test]
    fn extremes_do_not_panic() {
        assert_eq!(format_number(f64::MIN_POSITIVE, 2), "0.00");
        assert_eq!(format_number(5e-324, 0), "0");
        assert!(format_number(f64::MAX, 0).starts_with("17976931348623157"));
        assert!(format_number(-f64::MAX, 1).starts_with('\u{2212}'));
        assert_eq!(format_number(1.0, 20), "1.00000000000000000000");
    }
}
