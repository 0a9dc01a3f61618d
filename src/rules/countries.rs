//! ISO 3166-1 alpha-2 country codes, plus `XK`.

/// Every officially assigned ISO 3166-1 alpha-2 code (249) and `XK`, sorted,
/// packed two letters per code (a single string keeps the WebAssembly data
/// small). Country codes are facts, not a data set; `tests/public_data.rs`
/// checks this list against Debian's iso-codes.
///
/// `XK` (Kosovo) is user-assigned in ISO 3166-1, but Stripe, Google's
/// address data, banks and the EU use it. Exceptionally reserved codes such
/// as `UK` or `EU` are not included.
const CODES: &str = concat!(
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZ",
    "BABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ",
    "CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ",
    "DEDJDKDMDODZ",
    "ECEEEGEHERESET",
    "FIFJFKFMFOFR",
    "GAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGY",
    "HKHMHNHRHTHU",
    "IDIEILIMINIOIQIRISIT",
    "JEJMJOJP",
    "KEKGKHKIKMKNKPKRKWKYKZ",
    "LALBLCLILKLRLSLTLULVLY",
    "MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZ",
    "NANCNENFNGNINLNONPNRNUNZ",
    "OM",
    "PAPEPFPGPHPKPLPMPNPRPSPTPWPY",
    "QA",
    "RERORSRURW",
    "SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZ",
    "TCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZ",
    "UAUGUMUSUYUZ",
    "VAVCVEVGVIVNVU",
    "WFWS",
    "XK",
    "YEYT",
    "ZAZMZW",
);

/// Whether `code` is an officially assigned ISO 3166-1 alpha-2 country code
/// or `XK` (Kosovo), ignoring ASCII case (`"nl"` and `"NL"` both are).
/// Surrounding whitespace is *not* ignored: trim first.
pub fn is_country_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let wanted = code.to_ascii_uppercase();
    let wanted = wanted.as_bytes();
    // `get`, not indexing: no panic path (and its source location) in the wasm.
    let table = CODES.as_bytes();
    let (mut low, mut high) = (0, table.len() / 2);
    while low < high {
        let mid = (low + high) / 2;
        let entry = table.get(2 * mid..2 * mid + 2).unwrap_or_default();
        match entry.cmp(wanted) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{is_country_code, CODES};

    #[test]
    fn the_table_has_all_249_codes_and_xk_sorted_and_unique() {
        let codes: Vec<&[u8]> = CODES.as_bytes().chunks(2).collect();
        assert_eq!(CODES.len(), 2 * 250);
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert!(codes.iter().all(|c| c.iter().all(u8::is_ascii_uppercase)));
        for code in &codes {
            assert!(is_country_code(std::str::from_utf8(code).unwrap()));
        }
    }

    #[test]
    fn lookups() {
        for ok in [
            "NL", "nl", "Nl", "US", "GB", "AX", "ZW", "AD", "SS", "BQ", "CW", "XK", "xk",
        ] {
            assert!(is_country_code(ok), "{ok}");
        }
        for bad in ["", "N", "NLD", "UK", "EU", "ZZ", "AA", " NL", "N1", "ﬆ"] {
            assert!(!is_country_code(bad), "{bad}");
        }
    }
}
