#!/usr/bin/env python3
"""Generate the phone-number fixtures from libphonenumber's example numbers.

Source:  libphonenumber's metadata (https://github.com/google/libphonenumber) through its Python port
         `phonenumbers` 9.0.43 (https://github.com/daviddrysdale/python-phonenumbers).
Licence: Apache-2.0.
Input:   the installed package; get it with `pip install phonenumbers==9.0.43`.
Run:     python3 scripts/data/phones.py            (from anywhere; writes into the repository)

Writes (relative to the repository root):
  tests/data/phone_examples.tsv  REGION<TAB>TYPE<TAB>E164<TAB>NATIONAL<TAB>INTERNATIONAL
      one line per supported region and number type that has an example number
      (example_number_for_type), plus the non-geographic entities (REGION `001`, e.g. +800) from
      example numbers in their metadata. FIXED_LINE_OR_MOBILE is skipped: libphonenumber answers it
      with the FIXED_LINE example, so it would only repeat lines. UNKNOWN has no examples.
  tests/data/phone_invalid.tsv   REGION<TAB>E164<TAB>NATIONAL from invalid_example_number(region)
      (numbers libphonenumber itself considers invalid for that region), where available.
"""
import os
import sys

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T
from phonenumbers.phonenumberutil import _number_desc_by_type

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXPECTED = "9.0.43"
CMD = f"pip install phonenumbers=={EXPECTED} && python3 scripts/data/phones.py"

TYPES = [  # name, value; FIXED_LINE_OR_MOBILE and UNKNOWN left out (see docstring)
    ("FIXED_LINE", T.FIXED_LINE),
    ("MOBILE", T.MOBILE),
    ("TOLL_FREE", T.TOLL_FREE),
    ("PREMIUM_RATE", T.PREMIUM_RATE),
    ("SHARED_COST", T.SHARED_COST),
    ("VOIP", T.VOIP),
    ("PERSONAL_NUMBER", T.PERSONAL_NUMBER),
    ("PAGER", T.PAGER),
    ("UAN", T.UAN),
    ("VOICEMAIL", T.VOICEMAIL),
]


def header(what):
    return (f"# {what}\n"
            f"# Source: libphonenumber metadata via PyPI phonenumbers {pn.__version__} "
            f"(Python port of Google's libphonenumber)\n"
            f"# Licence: Apache-2.0\n"
            f"# Regenerate: {CMD}\n")


def fmt(n):
    return [pn.format_number(n, f) for f in (F.E164, F.NATIONAL, F.INTERNATIONAL)]


def main():
    if pn.__version__ != EXPECTED:
        print(f"warning: phonenumbers {pn.__version__} installed, header will name it (script written "
              f"for {EXPECTED})", file=sys.stderr)
    rows = []
    for region in sorted(pn.SUPPORTED_REGIONS):
        for name, t in TYPES:
            n = pn.example_number_for_type(region, t)
            if n is not None:
                rows.append([region, name] + fmt(n))
    for cc in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        md = pn.PhoneMetadata.metadata_for_nongeo_region(cc)
        for name, t in TYPES:
            desc = _number_desc_by_type(md, t)
            if desc is not None and desc.example_number:
                n = pn.parse(f"+{cc}{desc.example_number}")
                rows.append(["001", name] + fmt(n))
    invalid = []
    for region in sorted(pn.SUPPORTED_REGIONS):
        n = pn.invalid_example_number(region)
        if n is not None:
            assert not pn.is_valid_number(n)
            invalid.append([region, pn.format_number(n, F.E164), pn.format_number(n, F.NATIONAL)])

    for row in rows + invalid:
        for cell in row:
            assert "\t" not in cell and "\n" not in cell, row

    out = os.path.join(ROOT, "tests", "data", "phone_examples.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header("Valid example numbers: REGION<TAB>TYPE<TAB>E164<TAB>NATIONAL<TAB>INTERNATIONAL "
                       "(REGION 001 = non-geographic entities such as +800)"))
        for row in rows:
            f.write("\t".join(row) + "\n")
    out2 = os.path.join(ROOT, "tests", "data", "phone_invalid.tsv")
    with open(out2, "w", encoding="utf-8", newline="\n") as f:
        f.write(header("Invalid example numbers (invalid_example_number): REGION<TAB>E164<TAB>NATIONAL"))
        for row in invalid:
            f.write("\t".join(row) + "\n")
    regions = len({r[0] for r in rows})
    print(f"{len(rows)} example numbers over {regions} regions -> {os.path.relpath(out, ROOT)}")
    print(f"{len(invalid)} invalid numbers -> {os.path.relpath(out2, ROOT)}")


if __name__ == "__main__":
    main()
