#!/usr/bin/env python3
"""Generate tests/data/tax_ids.tsv: python-stdnum's test vectors for the tax id types it shares with
Stripe's tax id table (https://docs.stripe.com/api/tax_ids/object#tax_id_object-type).

Source:  python-stdnum 2.2 (https://arthurdejong.org/python-stdnum/), sdist python_stdnum-2.2.tar.gz:
         its tests/*.doctest files, and the examples in the docstrings of the mapped modules.
Licence: LGPL-2.1-or-later (python-stdnum; the fixture holds only the numbers and their expected
         validity).
Input (one argument): the extracted sdist directory (holding PKG-INFO, stdnum/ and tests/):

    pip download python-stdnum==2.2 --no-deps --no-binary :all: -d DIR
    tar -xzf DIR/python_stdnum-2.2.tar.gz -C DIR
    python3 scripts/data/tax_ids.py DIR/python_stdnum-2.2

Output: `stripe_type<TAB>valid|invalid<TAB>number`, deduplicated, sorted; numbers as spelled in
stdnum (separators kept), except that eu_vat numbers taken from a member state's module get that
state's VAT prefix (EL for Greece) when they lack it, and gb_vat numbers get GB, as Stripe's values
carry the prefix.

What counts (examples parsed with doctest.DocTestParser, nothing is executed from the doctests):
  valid   - every line of a `numbers = '''...'''` block followed by
            `[x for x in numbers.splitlines() if x and not MOD.is_valid(x)]` answering `[]`
            (also the `not MOD.validate(x)` form and `validate_check_digits=True`: stricter, still valid);
          - `MOD.validate('...')` with a single string argument that returns a value;
          - `MOD.is_valid('...')` answering True.
  invalid - `MOD.validate('...')` raising InvalidChecksum/InvalidFormat/InvalidLength/InvalidComponent;
          - blocks checked with `[x ... if x and MOD.is_valid(x)]` or `not caught(x, Invalid...)`
            answering `[]`;  `MOD.is_valid('...')` answering False.
  Calls with extra arguments (e.g. check_country=False) are skipped: their verdict depends on them.
Every row is then re-checked with the stdnum module itself (is_valid, on the prefixed value for
eu_vat); disagreements are dropped and printed.
"""
import ast
import doctest
import glob
import importlib
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CMD = ("pip download python-stdnum==2.2 --no-deps --no-binary :all: -d DIR && "
       "tar -xzf DIR/python_stdnum-2.2.tar.gz -C DIR && python3 scripts/data/tax_ids.py DIR/python_stdnum-2.2")

# stdnum module -> (Stripe tax id type, prefix to add when missing or None). One line per mapping.
MAPPING = [
    ("stdnum.ad.nrt", "ad_nrt", None),          # Andorra NRT
    ("stdnum.al.nipt", "al_tin", None),         # Albania NIPT = the taxpayer number (J12345678N)
    ("stdnum.ar.cuit", "ar_cuit", None),        # Argentina CUIT
    ("stdnum.au.abn", "au_abn", None),          # Australian Business Number
    ("stdnum.az.voen", "az_tin", None),         # Azerbaijan VÖEN, the 10-digit taxpayer id
    ("stdnum.bg.vat", "bg_uic", None),          # Bulgaria: only 9-digit numbers (EIK/BULSTAT = UIC), see UIC_ONLY
    ("stdnum.br.cnpj", "br_cnpj", None),        # Brazil CNPJ (incl. the alphanumeric form)
    ("stdnum.br.cpf", "br_cpf", None),          # Brazil CPF
    ("stdnum.by.unp", "by_tin", None),          # Belarus UNP, the 9-character payer number
    ("stdnum.ca.bn", "ca_bn", None),            # Canada Business Number (9 digits, or 15 with program account)
    ("stdnum.ch.uid", "ch_uid", None),          # Swiss UID (CHE-...)
    ("stdnum.ch.vat", "ch_vat", None),          # Swiss VAT (CHE-... MWST/TVA/IVA)
    ("stdnum.cl.rut", "cl_tin", None),          # Chile RUT
    ("stdnum.cn.uscc", "cn_tin", None),         # China Unified Social Credit Code (18 chars)
    ("stdnum.co.nit", "co_nit", None),          # Colombia NIT
    ("stdnum.cr.cpj", "cr_tin", None),          # Costa Rica cédula jurídica (companies)
    ("stdnum.cr.cpf", "cr_tin", None),          # Costa Rica cédula física (individuals)
    ("stdnum.cr.cr", "cr_tin", None),           # Costa Rica DIMEX (foreign residents)
    ("stdnum.de.stnr", "de_stn", None),         # Germany Steuernummer
    ("stdnum.do.rnc", "do_rcn", None),          # Dominican Republic RNC (Stripe spells it rcn)
    ("stdnum.do.cedula", "do_rcn", None),       # Dominican cédula, the individuals' RNC (Stripe's example has 11 digits)
    ("stdnum.ec.ruc", "ec_ruc", None),          # Ecuador RUC
    ("stdnum.eg.tn", "eg_tin", None),           # Egypt Tax Registration Number
    ("stdnum.es.nif", "es_cif", None),          # Spain NIF (Stripe: "Spanish NIF number, previously CIF")
    ("stdnum.eu.oss", "eu_oss_vat", None),      # EU One Stop Shop VAT (EU/IM numbers)
    ("stdnum.eu.vat", "eu_vat", None),          # EU VAT, numbers already prefixed
    ("stdnum.at.uid", "eu_vat", "AT"),          # Austria UID
    ("stdnum.be.vat", "eu_vat", "BE"),          # Belgium
    ("stdnum.bg.vat", "eu_vat", "BG"),          # Bulgaria
    ("stdnum.cy.vat", "eu_vat", "CY"),          # Cyprus
    ("stdnum.cz.dic", "eu_vat", "CZ"),          # Czechia DIČ
    ("stdnum.de.vat", "eu_vat", "DE"),          # Germany USt-IdNr
    ("stdnum.dk.cvr", "eu_vat", "DK"),          # Denmark CVR
    ("stdnum.ee.kmkr", "eu_vat", "EE"),         # Estonia KMKR
    ("stdnum.es.nif", "eu_vat", "ES"),          # Spain NIF
    ("stdnum.fi.alv", "eu_vat", "FI"),          # Finland ALV
    ("stdnum.fr.tva", "eu_vat", "FR"),          # France TVA
    ("stdnum.gr.vat", "eu_vat", "EL"),          # Greece (VAT prefix EL, not GR)
    ("stdnum.hr.oib", "eu_vat", "HR"),          # Croatia OIB
    ("stdnum.hu.anum", "eu_vat", "HU"),         # Hungary ANUM (the EU VAT form, 8 digits)
    ("stdnum.ie.vat", "eu_vat", "IE"),          # Ireland
    ("stdnum.it.iva", "eu_vat", "IT"),          # Italy Partita IVA
    ("stdnum.lt.pvm", "eu_vat", "LT"),          # Lithuania PVM
    ("stdnum.lu.tva", "eu_vat", "LU"),          # Luxembourg
    ("stdnum.lv.pvn", "eu_vat", "LV"),          # Latvia PVN
    ("stdnum.mt.vat", "eu_vat", "MT"),          # Malta
    ("stdnum.nl.btw", "eu_vat", "NL"),          # Netherlands BTW
    ("stdnum.pl.nip", "eu_vat", "PL"),          # Poland NIP
    ("stdnum.pt.nif", "eu_vat", "PT"),          # Portugal NIF
    ("stdnum.ro.cf", "eu_vat", "RO"),           # Romania CF
    ("stdnum.se.vat", "eu_vat", "SE"),          # Sweden
    ("stdnum.si.ddv", "eu_vat", "SI"),          # Slovenia DDV
    ("stdnum.sk.dph", "eu_vat", "SK"),          # Slovakia IČ DPH
    ("stdnum.gb.vat", "gb_vat", "GB"),          # United Kingdom VAT (GB prefix as in Stripe's GB123456789)
    ("stdnum.gn.nifp", "gn_nif", None),         # Guinea NIFp
    ("stdnum.hr.oib", "hr_oib", None),          # Croatia OIB
    ("stdnum.id.npwp", "id_npwp", None),        # Indonesia NPWP
    ("stdnum.il.hp", "il_vat", None),           # Israel company number (Mispar Hevra), the VAT number of companies
    ("stdnum.in_.gstin", "in_gst", None),       # India GSTIN
    ("stdnum.is_.vsk", "is_vat", None),         # Iceland VSK (VAT) number
    ("stdnum.jp.cn", "jp_cn", None),            # Japan Corporate Number
    ("stdnum.ke.pin", "ke_pin", None),          # Kenya KRA PIN
    ("stdnum.kr.brn", "kr_brn", None),          # Korea Business Registration Number
    ("stdnum.me.pib", "me_pib", None),          # Montenegro PIB
    ("stdnum.mk.edb", "mk_vat", None),          # North Macedonia EDB (the VAT number, optional MK prefix)
    ("stdnum.mx.rfc", "mx_rfc", None),          # Mexico RFC
    ("stdnum.no.mva", "no_vat", None),          # Norway MVA
    ("stdnum.nz.ird", "nz_gst", None),          # New Zealand IRD number, which is the GST number
    ("stdnum.pe.ruc", "pe_ruc", None),          # Peru RUC
    ("stdnum.ro.cnp", "ro_tin", None),          # Romania CNP: 13 digits, Stripe's ro_tin format
    ("stdnum.rs.pib", "rs_pib", None),          # Serbia PIB
    ("stdnum.ru.inn", "ru_inn", None),          # Russia INN
    ("stdnum.sg.uen", "sg_uen", None),          # Singapore UEN
    ("stdnum.si.ddv", "si_tin", None),          # Slovenia davčna številka (8 digits; SI prefix optional)
    ("stdnum.sn.ninea", "sn_ninea", None),      # Senegal NINEA
    ("stdnum.sv.nit", "sv_nit", None),          # El Salvador NIT
    ("stdnum.th.tin", "th_vat", None),          # Thailand 13-digit TIN (= VAT registration number)
    ("stdnum.th.moa", "th_vat", None),          # Thailand MOA number of companies (a form of the TIN)
    ("stdnum.th.pin", "th_vat", None),          # Thailand personal id (a form of the TIN)
    ("stdnum.tr.vkn", "tr_tin", None),          # Turkey VKN, the 10-digit tax number
    ("stdnum.tr.tckimlik", "tr_tin", None),     # Turkey T.C. Kimlik No., individuals' 11-digit tax number
    ("stdnum.tw.ubn", "tw_vat", None),          # Taiwan Unified Business Number
    ("stdnum.us.ein", "us_ein", None),          # US Employer Identification Number
    ("stdnum.uy.rut", "uy_ruc", None),          # Uruguay RUT (Stripe calls it RUC)
    ("stdnum.ve.rif", "ve_rif", None),          # Venezuela RIF
    ("stdnum.vn.mst", "vn_tin", None),          # Vietnam MST
]
# Stripe types without a matching stdnum module (checked by hand against the 2.2 module list):
#   ae_trn am_tin ao_tin au_arn aw_tin ba_tin bb_tin bd_bin bf_ifu bh_vat bj_ifu bo_tin bs_tin
#   ca_gst_hst (ca.bn's tests hold no RT program account) ca_pst_bc ca_pst_mb ca_pst_sk ca_qst
#   cd_nif cm_niu cv_nif et_tin ge_vat hk_br jp_rn jp_trn kg_tin kh_tin kz_bin la_tin no_voec
#   np_pan om_vat ph_tin ru_kpp sa_vat sg_gst sr_fin tj_tin tz_vat ug_tin uz_tin uz_vat zm_tin zw_tin
# Deliberately not mapped (stdnum has a related module, but not the number Stripe's type holds):
#   hu_tin (11-digit adószám; hu.anum is only its 8-digit EU VAT part), li_uid (CHE number; li.peid
#   is a different register), li_vat, ma_vat (8-digit IF; ma.ice is the 15-digit ICE), md_vat
#   (7-digit; md.idno is 13 digits), my_frp/my_itn/my_sst (my.nric is a personal id), ua_vat
#   (ua.edrpou/ua.rntrc are registry/personal numbers, not the VAT payer number), za_vat (10-digit
#   VAT starting with 4; za.tin is the income tax number).
UIC_ONLY = re.compile(r"^(BG)?\d{9}$")  # bg_uic: 9-digit compact numbers only (10 digits = EGN, a person)
EXC = ("InvalidChecksum", "InvalidFormat", "InvalidLength", "InvalidComponent")


def sdist_version(base):
    for line in open(os.path.join(base, "PKG-INFO"), encoding="utf-8"):
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    sys.exit("no Version: in PKG-INFO")


def parse_examples(text, default_module, origin, out):
    """Collect (module, valid?, number, origin) from one doctest text."""
    aliases = {}
    if default_module:
        aliases[""] = default_module
    variables = {}
    caught_alias = None
    for ex in doctest.DocTestParser().get_examples(text):
        src = ex.source.strip()
        m = re.match(r"^(\w[^#]*\))\s*#[^'\"]*$", src)  # drop a trailing comment after a call
        if m:
            src = m.group(1)
        m = re.match(r"from (stdnum(?:\.\w+)*) import (\w+)(?: as (\w+))?$", src)
        if m:
            aliases[m.group(3) or m.group(2)] = f"{m.group(1)}.{m.group(2)}"
            continue
        m = re.match(r"import (stdnum(?:\.\w+)+)$", src)
        if m:
            aliases[m.group(1)] = m.group(1)
            continue
        m = re.match(r"(\w+) = ('''.*''')$", src, re.S)
        if m:
            variables[m.group(1)] = ast.literal_eval(m.group(2))
            continue
        if src.startswith("def caught("):
            caught_alias = re.search(r"(\w+)\.validate\(", src).group(1)
            continue
        want = ex.want.strip()
        m = re.match(r"\[ ?x for x in (\w+)\.splitlines\(\) if x and (not )?"
                     r"(?:([\w.]+)\.(is_valid|validate)\(x(, validate_check_digits=True)?\)"
                     r"|caught\(x, (Invalid\w+)\)) ?\]$", src)
        if m and want == "[]" and m.group(1) in variables:
            numbers = [x.strip() for x in variables[m.group(1)].splitlines() if x.strip()]
            if m.group(6):  # not caught(x, InvalidX) == [] -> all raise
                mod, valid = aliases.get(caught_alias), False
            else:
                mod, valid = aliases.get(m.group(3)), bool(m.group(2))
            if mod:
                out.extend((mod, valid, n, origin) for n in numbers)
            continue
        m = re.match(r"check\(('[^']*')\)$", src)
        if m and origin == "tests/test_es_nif.doctest":  # check() lists the es modules that accept it
            out.append(("stdnum.es.nif", "'nif'" in want, ast.literal_eval(m.group(1)), origin))
            continue
        m = re.match(r"(?:([\w.]+)\.)?(validate|is_valid)\(('[^']*'|\"[^\"]*\")\)$", src)
        if m and (m.group(1) or "") in aliases:
            mod = aliases[m.group(1) or ""]
            number = ast.literal_eval(m.group(3)).strip()
            if not number:
                continue
            if m.group(2) == "validate":
                if ex.exc_msg is not None:
                    if ex.exc_msg.split(":")[0].strip().split(".")[-1] in EXC:
                        out.append((mod, False, number, origin))
                elif want:
                    out.append((mod, True, number, origin))
            elif want in ("True", "False"):
                out.append((mod, want == "True", number, origin))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = os.path.abspath(sys.argv[1])
    version = sdist_version(base)
    sys.path.insert(0, base)
    import stdnum
    assert os.path.dirname(stdnum.__file__).startswith(base), stdnum.__file__
    eu_vat = importlib.import_module("stdnum.eu.vat")

    found = []
    for path in sorted(glob.glob(os.path.join(base, "tests", "*.doctest"))):
        with open(path, encoding="utf-8") as f:
            parse_examples(f.read(), None, "tests/" + os.path.basename(path), found)
    for modname in sorted({m for m, _, _ in MAPPING}):
        mod = importlib.import_module(modname)
        parse_examples(mod.__doc__ or "", modname, modname + " docstring", found)

    by_module = {}
    for modname, stripe, prefix in MAPPING:
        by_module.setdefault(modname, []).append((stripe, prefix))

    rows = set()
    dropped = []
    per_source = {}
    for modname, valid, number, origin in found:
        for stripe, prefix in by_module.get(modname, []):
            value = number
            compact = re.sub(r"[\s.\-/,:]", "", number).upper()
            if stripe == "bg_uic" and not UIC_ONLY.match(compact):
                continue
            checker = importlib.import_module(modname)
            if prefix:
                known = (prefix, "GR") if prefix == "EL" else (prefix,)
                if not compact.startswith(known):
                    value = prefix + number
                if stripe == "eu_vat":
                    checker = eu_vat
            if checker.is_valid(value) != valid:
                dropped.append((stripe, valid, value, origin))
                continue
            assert not re.search(r"[\t\n\r]", value), value
            rows.add((stripe, "valid" if valid else "invalid", value))
            per_source.setdefault(origin, set()).add((stripe, value))

    contradictions = {(s, v) for s, k, v in rows if k == "valid"} & {(s, v) for s, k, v in rows if k == "invalid"}
    if contradictions:
        print("numbers both valid and invalid:", sorted(contradictions))

    out = os.path.join(ROOT, "tests", "data", "tax_ids.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Tax ids: stripe_type<TAB>valid|invalid<TAB>number (separators as in stdnum; eu_vat/gb_vat "
                "numbers from a country module get its VAT prefix, EL for Greece)\n"
                f"# Source: python-stdnum {version} tests/*.doctest and the mapped modules' docstring examples; "
                "module -> Stripe type mapping in scripts/data/tax_ids.py\n"
                "# Licence: LGPL-2.1-or-later (python-stdnum)\n"
                f"# Regenerate: {CMD}\n")
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")

    types = sorted({r[0] for r in rows})
    nvalid = sum(1 for r in rows if r[1] == "valid")
    print(f"{len(rows)} rows ({nvalid} valid, {len(rows) - nvalid} invalid) for {len(types)} Stripe types "
          f"-> {os.path.relpath(out, ROOT)}")
    for t in types:
        v = sum(1 for r in rows if r[0] == t and r[1] == "valid")
        i = sum(1 for r in rows if r[0] == t and r[1] == "invalid")
        print(f"  {t}: {v} valid, {i} invalid")
    mapped = {m for m, _, _ in MAPPING}
    seen = {m for m, _, _, _ in found}
    print("mapped modules without any example:", sorted(mapped - seen))
    print(f"dropped {len(dropped)} rows where stdnum's is_valid disagrees with the doctest verdict:")
    for d in dropped:
        print("  ", d)


if __name__ == "__main__":
    main()
