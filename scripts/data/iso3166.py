#!/usr/bin/env python3
"""Generate tests/data/iso3166_1.tsv: every ISO 3166-1 alpha-2 code, plus XK.

Source:  Debian package iso-codes (https://salsa.debian.org/iso-codes-team/iso-codes), file
         /usr/share/iso-codes/json/iso_3166-1.json; install with `apt-get install iso-codes`.
Licence: LGPL-2.1-or-later (iso-codes).
Run:     python3 scripts/data/iso3166.py [path/to/iso_3166-1.json]
         (default: the Debian path above; the package version is read with dpkg-query and written
         into the header, or given with ISO_CODES_VERSION=... when dpkg is not there).
"""
import json
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT = "/usr/share/iso-codes/json/iso_3166-1.json"


def package_version():
    if os.environ.get("ISO_CODES_VERSION"):
        return os.environ["ISO_CODES_VERSION"]
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"], check=True,
                              capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        sys.exit("cannot read the iso-codes version: set ISO_CODES_VERSION")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    with open(path, encoding="utf-8") as f:
        codes = sorted(c["alpha_2"] for c in json.load(f)["3166-1"])
    assert len(codes) == len(set(codes)) and all(len(c) == 2 and c.isupper() for c in codes)
    assert "XK" not in codes
    out = os.path.join(ROOT, "tests", "data", "iso3166_1.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# ISO 3166-1 alpha-2 country codes, one per line\n"
                f"# Source: Debian iso-codes {package_version()}, iso_3166-1.json\n"
                "# Licence: LGPL-2.1-or-later (iso-codes)\n"
                "# Regenerate: apt-get install iso-codes && python3 scripts/data/iso3166.py\n")
        for c in codes:
            f.write(c + "\n")
        f.write("# XK: user-assigned code (not in ISO 3166-1) for Kosovo, used by the European Commission, "
                "Stripe, Google's address data and banks\n")
        f.write("XK\n")
    print(f"{len(codes)} ISO codes + XK -> {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    main()
