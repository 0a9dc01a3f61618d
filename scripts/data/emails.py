#!/usr/bin/env python3
"""Generate tests/data/emails.tsv: web-platform-tests' cases for <input type=email> validity.

Source:  web-platform-tests (https://github.com/web-platform-tests/wpt), the files and commits in
         WPT_FILES below (each the version of that file at that commit).
Licence: BSD-3-Clause (web-platform-tests).
Input (one argument): a WPT checkout, or any directory holding those files at their WPT paths:

    git clone --filter=blob:none --sparse https://github.com/web-platform-tests/wpt DIR/wpt
    git -C DIR/wpt sparse-checkout set html/semantics/forms
    python3 scripts/data/emails.py DIR/wpt

If the directory is a git checkout, the commit that last touched each file is compared with
WPT_FILES and a difference is printed (update WPT_FILES when regenerating from a newer WPT).

Output: `valid|invalid<TAB>value` grouped by source file (a `#` line names file and commit). A value
is written as a JSON string (starting with `"`) when it holds a tab, line break, other non-printable
character or leading/trailing space, or starts with `"`; otherwise raw.

What is taken (only single-address fields: `multiple` absent or false):
  email-validity.window.js             the whole {input, valid} table (validity.valid);
  form-validation-validity-typeMismatch.html  the email cases with multiple: false
                                       (valid = expected typeMismatch false), except the empty value,
                                       which is "value missing", not an address;
  email-value-idn.html                 the IDN values set on single inputs and the ASCII values
                                       they become, all asserted valid.
Then the two internationalised addresses of issue 12, marked as not from WPT.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CMD = ("git clone --filter=blob:none --sparse https://github.com/web-platform-tests/wpt DIR/wpt && "
       "git -C DIR/wpt sparse-checkout set html/semantics/forms && python3 scripts/data/emails.py DIR/wpt")

WPT_FILES = [  # path in WPT, commit of the version used
    ("html/semantics/forms/the-input-element/email-validity.window.js",
     "11a7a7ae23caa0a94dac0ebbfa3b411fe956d989"),
    ("html/semantics/forms/constraints/form-validation-validity-typeMismatch.html",
     "1eb505c14e06d2163c2bcafea1fa538d1b37a3c0"),
    ("html/semantics/forms/the-input-element/email-value-idn.html",
     "28b49026d21fec1f6795959384890e9503aae615"),
]
ISSUE_12 = ["ivan@пример.рф", "user@bücher.de"]


def email_validity(text):
    table = json.loads(text[: text.index("].forEach") + 1])
    return [(case["valid"], case["input"]) for case in table]


def type_mismatch(text):
    start = text.index('types: ["email"]')
    end = text.index("types:", start + 1)
    rows = []
    for m in re.finditer(r'\{conditions: \{multiple: (true|false), value: ("(?:[^"\\]|\\.)*")\}, '
                         r'expected: (true|false)', text[start:end]):
        value = json.loads(m.group(2))  # JS \uXXXX escapes read as JSON
        if m.group(1) == "false" and value != "":
            rows.append((m.group(3) == "false", value))
    return rows


def value_idn(text):
    rows = []
    for m in re.finditer(r'<input ([^>]*)>', text):
        attrs = m.group(1)
        v = re.search(r'value="([^"]*)"', attrs)
        if v and 'type="email"' in attrs and "multiple" not in attrs:
            rows.append((True, v.group(1)))
    rows += [(True, v) for v in re.findall(r"setAttribute\('value', '([^',]*)'\)", text)]
    rows += [(True, v) for v in re.findall(r"assert_equals\(input\.value, '([^',]*)'\)", text)]
    return rows


PARSERS = [email_validity, type_mismatch, value_idn]


def cell(value):
    if (value != value.strip() or value.startswith('"')
            or any(not ch.isprintable() for ch in value)):
        return json.dumps(value, ensure_ascii=False)
    return value


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = sys.argv[1]
    out = os.path.join(ROOT, "tests", "data", "emails.tsv")
    total = {True: 0, False: 0}
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# <input type=email> cases (single address): valid|invalid<TAB>value "
                "(a value starting with \" is a JSON string)\n"
                "# Source: web-platform-tests, the files and commits named below\n"
                "# Licence: BSD-3-Clause (web-platform-tests)\n"
                f"# Regenerate: {CMD}\n")
        for (path, commit), parse in zip(WPT_FILES, PARSERS):
            try:
                last = subprocess.run(["git", "-C", base, "log", "-1", "--format=%H", "--", path],
                                      capture_output=True, text=True).stdout.strip()
            except OSError:
                last = ""
            if last and last != commit:
                print(f"note: {path} last changed in {last}, WPT_FILES says {commit}")
            with open(os.path.join(base, path), encoding="utf-8") as src:
                rows = parse(src.read())
            f.write(f"# WPT {path} @ {commit}\n")
            seen = set()
            for valid, value in rows:
                if (valid, value) in seen:
                    continue
                seen.add((valid, value))
                total[valid] += 1
                f.write(f"{'valid' if valid else 'invalid'}\t{cell(value)}\n")
        f.write("# Not from WPT: issue 12's internationalised domains, accepted by Chromium's "
                "input[type=email] after converting the domain to punycode\n")
        for value in ISSUE_12:
            total[True] += 1
            f.write(f"valid\t{cell(value)}\n")
    print(f"{total[True]} valid, {total[False]} invalid -> {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    main()
