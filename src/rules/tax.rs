//! Tax id types (Stripe's codes) and tax id formats.
//!
//! Source: Stripe's documented table of customer tax id types (the `type`
//! values of the Tax ID object and their example formats, docs.stripe.com,
//! "Customer tax IDs"), transcribed by hand: type codes and number formats
//! are facts, not a licensed data set. Formats are lenient shapes checked
//! against python-stdnum 2.2's valid numbers (`tests/data/tax_ids.tsv`); a
//! mismatch is only ever a warning.

use super::phone::separator;
use super::shape;
use crate::text::text;

/// Stripe tax id types this SDK knows, sorted: type, format pattern (see
/// `shape`; empty = any format), example shown in error messages.
///
/// Patterns are checked against the *compact* id: uppercased, with
/// everything but letters and digits removed, so `12-3456789`, `12 3456789` and
/// `123456789` are all the same `us_ein`. They are deliberately lenient
/// (lengths and character classes, no checksums).
const TYPES: &[(&str, &str, &str)] = &[
    ("ad_nrt", "ad{6}a", "A-123456-Z"),
    ("ae_trn", "d{15}", "123456789012345"),
    ("al_tin", "", ""),
    ("am_tin", "", ""),
    ("ao_tin", "", ""),
    ("ar_cuit", "d{11}", "12-3456789-01"),
    ("au_abn", "d{11}", "12 345 678 912"),
    ("au_arn", "d{12}", "123456789123"),
    ("aw_tin", "", ""),
    ("az_tin", "", ""),
    ("ba_tin", "", ""),
    ("bb_tin", "", ""),
    ("bd_bin", "", ""),
    ("bf_ifu", "", ""),
    ("bg_uic", "d{9,10}", "123456789"),
    ("bh_vat", "d{15}", "123456789012345"),
    ("bj_ifu", "", ""),
    ("bo_tin", "", ""),
    ("br_cnpj", "x{12}dd", "01.234.456/5432-10"),
    ("br_cpf", "d{11}", "123.456.789-87"),
    ("bs_tin", "", ""),
    ("by_tin", "d{9}", "123456789"),
    ("ca_bn", "d{9}|d{9}aad{4}", "123456789"),
    ("ca_gst_hst", "d{9}RTd{4}", "123456789RT0002"),
    ("ca_pst_bc", "PSTd{8}", "PST-1234-5678"),
    ("ca_pst_mb", "d{6,8}", "123456-7"),
    ("ca_pst_sk", "d{7}", "1234567"),
    ("ca_qst", "d{10}TQd{4}", "1234567890TQ1234"),
    ("cd_nif", "", ""),
    ("ch_uid", "CHEd{9}|CHEd{9}HR", "CHE-123.456.789 HR"),
    (
        "ch_vat",
        "CHEd{9}|CHEd{9}MWST|CHEd{9}TVA|CHEd{9}IVA",
        "CHE-123.456.789 MWST",
    ),
    ("cl_tin", "d{8,9}|d{7,8}K", "12.345.678-K"),
    ("cm_niu", "", ""),
    ("cn_tin", "", ""),
    ("co_nit", "d{8,11}", "123.456.789-0"),
    ("cr_tin", "", ""),
    ("cv_nif", "", ""),
    ("de_stn", "d{10,13}", "1234567890"),
    ("do_rcn", "", ""),
    ("ec_ruc", "", ""),
    ("eg_tin", "d{9}", "123456789"),
    ("es_cif", "ad{7}x|d{8}a", "A12345678"),
    ("et_tin", "", ""),
    ("eu_oss_vat", "EUd{9}", "EU123456789"),
    // Checked in code: an EU VAT prefix, then 2 to 13 letters or digits.
    ("eu_vat", "", "DE123456789"),
    ("gb_vat", "GBd{9}|GBd{12}|GBGDd{3}|GBHAd{3}", "GB123456789"),
    ("ge_vat", "d{9}", "123456789"),
    ("gn_nif", "", ""),
    ("hk_br", "d{8}", "12345678"),
    ("hr_oib", "d{11}|HRd{11}", "12345678901"),
    ("hu_tin", "d{11}", "12345678-1-23"),
    ("id_npwp", "d{15,16}", "012.345.678.9-012.345"),
    ("il_vat", "d{9}", "000012345"),
    ("in_gst", "dda{5}d{4}axxx", "12ABCDE3456FGZH"),
    ("is_vat", "x{5,6}", "123456"),
    ("jp_cn", "d{13}", "1234567891234"),
    ("jp_rn", "d{5}", "12345"),
    ("jp_trn", "Td{13}", "T1234567891234"),
    ("ke_pin", "ad{9}a", "P000111111A"),
    ("kg_tin", "", ""),
    ("kh_tin", "", ""),
    ("kr_brn", "d{10}", "123-45-67890"),
    ("kz_bin", "d{12}", "123456789012"),
    ("la_tin", "", ""),
    ("li_uid", "CHEd{9}", "CHE123456789"),
    ("li_vat", "", ""),
    ("ma_vat", "d{8}", "12345678"),
    ("md_vat", "", ""),
    ("me_pib", "", ""),
    ("mk_vat", "", ""),
    ("mr_nif", "", ""),
    ("mx_rfc", "w{3,4}d{6}x{3}", "ABC010203AB9"),
    ("my_frp", "d{8}", "12345678"),
    ("my_itn", "", ""),
    ("my_sst", "ax{10,16}", "A12-3456-78912345"),
    ("ng_tin", "d{8,12}", "12345678-0001"),
    ("no_vat", "d{9}|d{9}MVA|NOd{9}|NOd{9}MVA", "123456789MVA"),
    ("no_voec", "d{7}", "1234567"),
    ("np_pan", "", ""),
    ("nz_gst", "d{8,9}", "123456789"),
    ("om_vat", "OMd{10}", "OM1234567890"),
    ("pe_ruc", "d{11}", "12345678901"),
    ("ph_tin", "d{9,14}", "123456789012"),
    ("ro_tin", "d{13}", "1234567890123"),
    ("rs_pib", "d{9}", "123456789"),
    ("ru_inn", "d{10}|d{12}", "1234567891"),
    ("ru_kpp", "d{9}", "123456789"),
    ("sa_vat", "d{15}", "123456789012345"),
    ("sg_gst", "x{9,10}", "M12345678X"),
    ("sg_uen", "d{8,9}a|adda{2}d{4}a", "123456789F"),
    ("si_tin", "d{8}", "12345678"),
    ("sn_ninea", "", ""),
    ("sr_fin", "", ""),
    ("sv_nit", "", ""),
    ("th_vat", "d{13}", "1234567891234"),
    ("tj_tin", "", ""),
    ("tr_tin", "d{10,11}", "0123456789"),
    ("tw_vat", "d{8}", "12345678"),
    ("tz_vat", "", ""),
    ("ua_vat", "d{8,12}", "123456789"),
    ("ug_tin", "", ""),
    ("us_ein", "d{9}", "12-3456789"),
    ("uy_ruc", "d{12}", "123456789012"),
    ("uz_tin", "", ""),
    ("uz_vat", "", ""),
    ("ve_rif", "ad{9}", "A-12345678-9"),
    ("vn_tin", "d{10}|d{13}", "1234567890"),
    ("za_vat", "4d{9}", "4123456789"),
    ("zm_tin", "", ""),
    ("zw_tin", "", ""),
];

/// VAT number prefixes of the EU member states (Greece is `EL`; `GR` is
/// accepted too) and `XI` (Northern Ireland).
const EU_VAT_PREFIXES: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
];

/// The tax id types this SDK knows (Stripe's codes), sorted.
pub fn known_tax_id_types() -> impl Iterator<Item = &'static str> {
    TYPES.iter().map(|(ty, _, _)| *ty)
}

fn lookup(ty: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    TYPES
        .binary_search_by(|(known, _, _)| (*known).cmp(ty))
        .ok()
        .and_then(|i| TYPES.get(i))
}

/// Checks a tax id type code (trimmed by the caller).
///
/// Known Stripe codes are accepted, and so is any *well-formed* code (a
/// two-letter lowercase country, then one or two `_`-separated lowercase
/// parts of 2 to 8 letters: `xx_abc`, `xx_abc_def`) so that types Stripe adds
/// later still work. Stripe's own `ca_gst_hst` and `eu_oss_vat` are why a
/// second part is allowed. Anything else (`EU_VAT`, `vat`, `eu-vat`) is
/// rejected, with a hint when the lowercase form is known.
pub fn check_tax_id_type(ty: &str) -> Result<(), String> {
    tax_id_type_hint(ty).map_err(|(message, _)| message)
}

/// [`check_tax_id_type`], with the type the message suggests, if any (for
/// messages in other languages).
pub(crate) fn tax_id_type_hint(ty: &str) -> Result<(), (String, Option<&'static str>)> {
    if lookup(ty).is_some() {
        return Ok(());
    }
    let well_formed = ty.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        && shape::matches("aa_a{2,8}|aa_a{2,8}_a{2,8}", &ty.to_ascii_uppercase());
    if well_formed {
        return Ok(());
    }
    let lower = ty.to_ascii_lowercase().replace('-', "_");
    match lookup(&lower) {
        Some((known, _, _)) => Err((
            text!("Not a valid tax id type; did you mean `", known, "`?"),
            Some(known),
        )),
        None => Err((
            "Not a valid tax id type (expected a lowercase Stripe code such as eu_vat or us_ein)"
                .to_owned(),
            None,
        )),
    }
}

/// Checks a tax id (trimmed by the caller) against the format of its type.
///
/// Only types with a known format are checked; unknown (well-formed) types
/// and known types without a recorded format accept any id. The comparison
/// ignores case and everything but letters and digits (spaces, dots, dashes
/// of every kind, slashes, commas, colons, parentheses), and reads
/// full-width and Arabic-Indic digits as digits. `eu_vat` is an EU VAT
/// prefix (`DE`, `NL`, `EL`, `XI`, ...) followed by 2 to 13 letters or digits.
///
/// Returns `Err(message)` with an example, e.g. `"Not a usual us_ein tax id
/// (e.g. 12-3456789)"`. A warning, never a reason to refuse an id.
pub fn check_tax_id(ty: &str, id: &str) -> Result<(), String> {
    tax_id_example(ty, id).map_err(|(message, _)| message)
}

/// [`check_tax_id`], with the example the message names (for messages in
/// other languages).
pub(crate) fn tax_id_example(ty: &str, id: &str) -> Result<(), (String, &'static str)> {
    let Some((ty, pattern, example)) = lookup(ty) else {
        return Ok(());
    };
    let compact: String = id
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !separator(*c))
        .map(ascii_digit)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let ok = if *ty == "eu_vat" {
        let prefix = compact.get(..2).unwrap_or_default();
        EU_VAT_PREFIXES.contains(&prefix)
            && shape::matches("x{2,13}", compact.get(2..).unwrap_or_default())
    } else {
        pattern.is_empty() || shape::matches(pattern, &compact)
    };
    if ok {
        Ok(())
    } else {
        Err((
            text!("Not a usual ", ty, " tax id (e.g. ", example, ')'),
            example,
        ))
    }
}

/// Full-width, Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits
/// (python-stdnum's test numbers are written in all of them).
fn ascii_digit(c: char) -> char {
    let zero = match c {
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        _ => return c,
    };
    char::from(b'0' + (c as u32 - zero) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_every_example_matches() {
        assert!(TYPES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TYPES.iter().filter(|t| !t.1.is_empty()).count() >= 30);
        for (ty, pattern, example) in TYPES {
            assert_eq!(check_tax_id_type(ty), Ok(()), "{ty}");
            if !pattern.is_empty() || *ty == "eu_vat" {
                assert_eq!(check_tax_id(ty, example), Ok(()), "{ty} {example}");
                assert!(check_tax_id(ty, "%").is_err(), "{ty}");
            }
        }
    }

    #[test]
    fn types() {
        for ok in ["eu_vat", "ca_gst_hst", "xx_newtype", "zz_abc_def"] {
            assert_eq!(check_tax_id_type(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "EU_VAT",
            "eu-vat",
            "vat",
            "e_vat",
            "eu_v",
            "eu_abcdefghi",
            "eu_vat_",
        ] {
            assert!(check_tax_id_type(bad).is_err(), "{bad}");
        }
        assert!(check_tax_id_type("EU_VAT")
            .unwrap_err()
            .contains("did you mean `eu_vat`"));
        assert!(check_tax_id_type("eu-vat")
            .unwrap_err()
            .contains("did you mean `eu_vat`"));
    }

    #[test]
    fn ids() {
        let ok = [
            ("eu_vat", "NL123456789B01"),
            ("eu_vat", "nl 1234.56.789.b01"),
            ("eu_vat", "ATU12345678"),
            ("eu_vat", "EL123456789"),
            ("us_ein", "123456789"),
            ("au_abn", "12345678912"),
            ("gb_vat", "GB123456789012"),
            ("in_gst", "22AAAAA0000A1Z5"),
            ("xx_unknown", "anything"),
            ("al_tin", "anything"),
        ];
        for (ty, id) in ok {
            assert_eq!(check_tax_id(ty, id), Ok(()), "{ty} {id}");
        }
        let bad = [
            ("eu_vat", "US123456789"),
            ("eu_vat", "NL1"),
            ("eu_vat", "NL12345678901234"),
            ("us_ein", "12-345678"),
            ("gb_vat", "123456789"),
            ("in_gst", "22AAAAA0000A1Z"),
            ("au_abn", "1234567891"),
        ];
        for (ty, id) in bad {
            assert!(check_tax_id(ty, id).is_err(), "{ty} {id}");
        }
    }
}
