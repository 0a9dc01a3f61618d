//! Small dependency-free helpers: RFC 3339 formatting, ids and
//! percent-decoding. No clock: times are passed in.

/// Formats epoch milliseconds as RFC 3339 UTC with milliseconds,
/// e.g. `2026-11-28T10:00:00.123Z`.
pub fn format_rfc3339_ms(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    )
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)` into epoch milliseconds.
/// Returns `None` for anything else (callers treat that as "unknown").
pub fn parse_rfc3339_ms(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if b[13] != b':' || b[16] != b':' || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let mut rest = &s[19..];
    let mut millis = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let padded = format!("{:0<3}", &frac[..digits.min(3)]);
        millis = padded.parse::<i64>().ok()?;
        rest = &frac[digits..];
    }
    let offset_min = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            sign * (rest[1..3].parse::<i64>().ok()? * 60 + rest[4..6].parse::<i64>().ok()?)
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo as u32, d as u32);
    let secs = days * 86_400 + h * 3600 + mi * 60 + se - offset_min * 60;
    Some(secs * 1000 + millis)
}

// Howard Hinnant's civil-date algorithms (proleptic Gregorian calendar).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m as u32, d as u32)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The `n`th 24-hex-digit id of a store seeded with `seed` (the vendor uses
/// MongoDB ObjectIds): distinct for distinct `n`, unpredictable enough for
/// test ids (splitmix64), and reproducible.
pub fn hex_id(seed: u64, n: u64) -> String {
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    // The low 64 bits are a bijection of `n` (so ids are distinct); the
    // high 32 depend on the seed only.
    let key = mix(seed);
    format!("{:08x}{:016x}", key >> 32, mix(n ^ key))
}

/// Whether `id` is a customer id as the API writes it: 24 hex characters
/// (an ObjectId; the contract's pattern `^[0-9a-fA-F]{24}$`).
pub fn is_object_id(id: &str) -> bool {
    id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The id a customer is stored and found under: a 24-hex id names an
/// ObjectId, the same whatever the case of its hex digits (MongoDB reads it
/// so, and the API writes it in lower case), so it is lower-cased; any other
/// id (only the sandbox's lenient `POST /__sandbox/customers` stores such)
/// is kept as it is.
pub fn canonical_id(id: &str) -> std::borrow::Cow<'_, str> {
    if is_object_id(id) && id.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(id.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(id)
    }
}

/// Percent-decodes a path segment or query component (invalid UTF-8 is
/// replaced lossily). `+` is left alone; see [`decode_query_component`].
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes an `application/x-www-form-urlencoded` query component.
pub fn decode_query_component(s: &str) -> String {
    percent_decode(&s.replace('+', " "))
}

/// Looks up `name` in a raw query string and returns its decoded value.
pub fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    query?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode_query_component(k) == name).then(|| decode_query_component(v))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trip() {
        let ms = 1_795_860_000_123; // 2026-11-28T10:00:00.123Z
        let s = format_rfc3339_ms(ms);
        assert_eq!(s, "2026-11-28T10:00:00.123Z");
        assert_eq!(parse_rfc3339_ms(&s), Some(ms));
        assert_eq!(parse_rfc3339_ms("2026-11-28T10:00:00Z"), Some(ms - 123));
        assert_eq!(parse_rfc3339_ms("2026-11-28T11:00:00.123+01:00"), Some(ms));
        assert_eq!(format_rfc3339_ms(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            format_rfc3339_ms(parse_rfc3339_ms("2024-02-29T23:59:59.999Z").unwrap()),
            "2024-02-29T23:59:59.999Z"
        );
        assert_eq!(parse_rfc3339_ms("yesterday"), None);
    }

    #[test]
    fn ids_are_24_hex_and_distinct() {
        let a = hex_id(7, 0);
        let b = hex_id(7, 1);
        assert_eq!(a, hex_id(7, 0));
        assert_eq!(a.len(), 24);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn query_parsing() {
        assert_eq!(
            query_param(Some("a=1&customerId=x%2Fy+z"), "customerId").as_deref(),
            Some("x/y z")
        );
        assert_eq!(query_param(Some("a=1"), "customerId"), None);
        assert_eq!(query_param(None, "customerId"), None);
        assert_eq!(percent_decode("a%2Fb%zz%4"), "a/b%zz%4");
        assert_eq!(percent_decode("%C3%BC"), "ü");
    }
}
