//! The wire names of `ProblemCode`, `ErrorKind` and `Severity` are declared
//! once (`wire_enum!` in `src/error.rs`); every other place that spells them
//! must agree with that declaration: what the client emits at run time
//! (`as_str`, serde), the TypeScript unions (the committed reference
//! `tests/api/checkoutpage.d.ts`, which `tests/api/check-dts.sh` ties to the
//! generated types, and the built `pkg/` types when fresh), the README's
//! table and list, and the codes, kinds and wordings the JavaScript files
//! report.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;

use checkoutpage::{ErrorKind, ProblemCode, Severity, Wording};

/// The variant of a wire enum named `name`.
fn from_wire<T: Copy>(all: &[T], as_str: fn(T) -> &'static str, name: &str) -> Option<T> {
    all.iter().copied().find(|v| as_str(*v) == name)
}

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The runtime names of a wire enum, in declaration order, checked against
/// serde (what the TypeScript union is generated from), both ways.
fn runtime<T>(all: &[T], as_str: fn(&T) -> &'static str) -> Vec<String>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let names: Vec<String> = all.iter().map(|v| as_str(v).to_owned()).collect();
    for (value, name) in all.iter().zip(&names) {
        assert_eq!(
            serde_json::to_value(value).unwrap(),
            serde_json::json!(name),
            "serde and as_str disagree on {value:?}"
        );
        let read: T = serde_json::from_value(serde_json::json!(name)).unwrap();
        assert_eq!(&read, value, "serde reads {name:?}");
    }
    assert_eq!(
        names.iter().collect::<BTreeSet<_>>().len(),
        names.len(),
        "duplicate wire names: {names:?}"
    );
    names
}

fn problem_codes() -> Vec<String> {
    runtime(ProblemCode::ALL, |c| c.as_str())
}
fn error_kinds() -> Vec<String> {
    runtime(ErrorKind::ALL, |k| k.as_str())
}
fn severities() -> Vec<String> {
    runtime(Severity::ALL, |s| s.as_str())
}

/// The members of `export type <name> = "a" | "b";` in a `.d.ts`, in order.
fn ts_union(dts: &str, name: &str, file: &str) -> Vec<String> {
    let head = format!("export type {name} = ");
    let start = dts
        .find(&head)
        .unwrap_or_else(|| panic!("{file}: no `{head}`"))
        + head.len();
    let end = start + dts[start..].find(';').unwrap();
    dts[start..end]
        .split('|')
        .map(|member| {
            let member = member.trim();
            assert!(
                member.len() >= 2 && member.starts_with('"') && member.ends_with('"'),
                "{file}: {name} has a member that is not a string literal: {member}"
            );
            member[1..member.len() - 1].to_owned()
        })
        .collect()
}

/// Every double-quoted string in `text` that looks like a wire name of more
/// than one word (`"invalid_input"`).
fn snake_case_literals(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.contains('_')
                && s.split('_')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_typescript_unions_are_the_runtime_names() {
    let mut files = vec!["tests/api/checkoutpage.d.ts".to_owned()];
    // The built package's own declarations, when built since the definition
    // last changed (scripts/test.sh runs this before building; check-dts.sh
    // then compares the fresh build with the reference).
    let modified = |path: &str| fs::metadata(path).and_then(|m| m.modified()).ok();
    let definition = modified("src/error.rs");
    for built in [
        "pkg/checkoutpage.d.ts",
        "pkg/api.d.ts",
        "pkg/node/checkoutpage.d.cts",
    ] {
        if modified(built).is_some() && modified(built) >= definition {
            files.push(built.to_owned());
        }
    }
    for file in &files {
        let dts = read(file);
        assert_eq!(
            ts_union(&dts, "ProblemCode", file),
            problem_codes(),
            "{file}: ProblemCode"
        );
        assert_eq!(
            ts_union(&dts, "ErrorKind", file),
            error_kinds(),
            "{file}: ErrorKind"
        );
        assert_eq!(
            ts_union(&dts, "Severity", file),
            severities(),
            "{file}: Severity"
        );
    }
}

#[test]
fn the_readme_table_lists_every_code_with_its_severity() {
    let readme = read("README.md");
    let header = "| `code` | severity | when |";
    let start = readme.find(header).expect("README: the problem code table") + header.len();
    let mut rows = Vec::new();
    for line in readme[start..].lines().skip(2) {
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let code = cells[1].trim_matches('`');
        let code = from_wire(ProblemCode::ALL, ProblemCode::as_str, code)
            .unwrap_or_else(|| panic!("README: `{code}` is not a ProblemCode"));
        let severity = from_wire(Severity::ALL, Severity::as_str, cells[2])
            .unwrap_or_else(|| panic!("README: `{}` is not a Severity", cells[2]));
        assert_eq!(
            severity,
            code.severity(),
            "README: the severity of {}",
            code.as_str()
        );
        rows.push(code.as_str().to_owned());
    }
    let listed: BTreeSet<_> = rows.iter().cloned().collect();
    assert_eq!(listed.len(), rows.len(), "README: a code is listed twice");
    assert_eq!(
        listed,
        problem_codes().into_iter().collect(),
        "README: the problem code table"
    );
    // Both severities are explained above the table, as `"error"` and `"warning"`.
    for severity in severities() {
        assert!(
            readme[..start].contains(&format!("- **`\"{severity}\"`**")),
            "README: severity {severity}"
        );
    }
}

#[test]
fn the_readme_lists_every_error_kind() {
    let readme = read("README.md");
    let head = "a real `Error` subclass) with `kind`";
    let start = readme.find(head).expect("README: the list of error kinds") + head.len();
    let end = start + readme[start..].find("`status`").unwrap();
    let listed: Vec<String> = readme[start..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert_eq!(listed, error_kinds(), "README: the error kinds");
}

#[test]
fn the_javascript_files_report_only_runtime_names() {
    // js/json.js reports problems as `[path, message, code]`; the core reads
    // back these three (src/args.rs, `Snapshot::from_record`), any other as
    // invalid_input.
    let json = read("js/json.js");
    let codes = snake_case_literals(&json);
    let known: BTreeSet<_> = problem_codes().into_iter().collect();
    for code in &codes {
        assert!(
            known.contains(code),
            "js/json.js reports `{code}`, which is not a ProblemCode"
        );
    }
    let read_back = [
        ProblemCode::InvalidInput,
        ProblemCode::InvalidUnicode,
        ProblemCode::UnsupportedValue,
    ];
    let read_back: BTreeSet<String> = read_back.iter().map(|c| c.as_str().to_owned()).collect();
    assert_eq!(
        codes.into_iter().collect::<BTreeSet<_>>(),
        read_back,
        "js/json.js: the codes src/args.rs reads back"
    );
    // The wordings it reports with them (the fourth item), so the core can
    // say the same in other languages: every one a `Wording` name.
    let wordings: BTreeSet<&str> = Wording::ALL.iter().map(|w| w.as_str()).collect();
    let kebab: BTreeSet<String> = json
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.contains('-')
                && s.split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
        })
        .map(str::to_owned)
        .collect();
    for name in &kebab {
        assert!(
            wordings.contains(name.as_str()),
            "js/json.js reports the wording `{name}`, which is not a Wording"
        );
    }
    let reported = [
        Wording::BuiltIn,
        Wording::HiddenKey,
        Wording::ClassGetter,
        Wording::InheritedKey,
        Wording::EmptyClass,
        Wording::NotFinite,
        Wording::TooDeep,
        Wording::Function,
        Wording::Primitive,
        Wording::Unreadable,
        Wording::ToJsonThrew,
    ];
    for wording in reported {
        assert!(
            json.contains(&format!("\"{}\"", wording.as_str())),
            "js/json.js: no `{}`",
            wording.as_str()
        );
    }
    assert_eq!(
        kebab,
        (reported.iter())
            .map(|w| w.as_str().to_owned())
            .filter(|w| w.contains('-'))
            .collect(),
        "js/json.js: the wordings it reports"
    );
    // Errors made in JavaScript (load failures) name their kind there.
    let kinds: BTreeSet<_> = error_kinds().into_iter().collect();
    let mut seen = 0;
    for file in [
        "js/errors.js",
        "js/abort.js",
        "js/json.js",
        "npm/explain.js",
        "npm/load.js",
        "npm/index.js",
    ] {
        let text = read(file);
        for at in text.match_indices("kind: \"").map(|(at, m)| at + m.len()) {
            let kind = &text[at..at + text[at..].find('"').unwrap()];
            assert!(
                kinds.contains(kind),
                "{file}: kind `{kind}` is not an ErrorKind"
            );
            seen += 1;
        }
    }
    assert!(
        seen > 0,
        "expected npm/explain.js to name the `environment` kind"
    );
}
