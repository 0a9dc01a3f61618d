//! Copies the rule data into `OUT_DIR` without its comment lines (source,
//! licence and how to regenerate it stay in `src/rules/data/`, but out of
//! the WebAssembly module, where they would ship to every user).

use std::{env, fs, path::Path};

fn main() {
    let data = "src/rules/data/postal_codes.tsv";
    println!("cargo:rerun-if-changed={data}");
    let text = fs::read_to_string(data).expect("src/rules/data/postal_codes.tsv is readable");
    let mut lines: String = text
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    lines.push('\n');
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("postal_codes.tsv"), lines).expect("OUT_DIR is writable");
}
