// Issue 25 in Node and in headless Chromium (the built package): Standard
// Schema objects (createCustomerPatchSchema, createCustomerDraftSchema),
// messages in en/nl/de/fr/es per call and per client, and diffCustomer
// refusing an edit it would otherwise drop. The scenario is forms-scenario.mjs;
// the real form libraries are in tests/packaging/forms.test.mjs.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";

import { useChromium } from "./chromium.mjs";
import { scenario } from "./forms-scenario.mjs";

const PAGE = `<!doctype html><title>forms</title><link rel="icon" href="data:,">
<script type="module">
  import * as sdk from "/pkg/index.js";
  import * as kit from "/pkg/testing/index.js";
  import { scenario } from "/tests/js/forms-scenario.mjs";
  window.run = () => scenario(sdk, kit);
  window.ready = true;
</script>`;

function check(r) {
  // Standard Schema v1, synchronous.
  assert.deepEqual(r.standard, { version: 1, vendor: "checkoutpage-client", frozen: true });
  assert.equal(r.synchronous, true);
  assert.deepEqual(r.patchValid.value, { email: "ada@example.com", address: { country: "US", postalCode: "ABC" } });
  assert.equal(r.patchValid.issues, undefined);
  assert.deepEqual(
    r.patchValid.warnings.map((w) => [w.path, w.code, w.severity]),
    [[["address", "postalCode"], "postal_code_format", "warning"]],
  );
  assert.equal("value" in r.patchInvalid, false);
  assert.deepEqual(
    r.patchInvalid.issues.map((i) => [i.path, i.code]),
    [
      [["emial"], "unknown_field"],
      [["email"], "email_required"],
      [["address", "city"], "control_character"],
    ],
  );
  for (const issue of r.patchInvalid.issues) assert.ok(issue.message.length > 0 && issue.severity === "error");
  assert.deepEqual(r.strict.issues.map((i) => [i.path, i.code, i.severity]), [[["phone"], "invalid_phone", "warning"]]);
  assert.deepEqual(r.warnings.map((w) => w.code), ["invalid_phone"]);
  assert.deepEqual(r.draftValid, { value: { name: "Ada", email: "ada@example.com", phone: null, billingEmail: null }, warnings: [] });
  assert.deepEqual(r.draftBlankEmail.issues.map((i) => [i.path, i.code]), [[["email"], "email_required"]]);
  assert.deepEqual(r.draftNotObject.issues.map((i) => [i.path, i.code]), [[undefined, "not_an_object"]]);
  assert.equal(r.badSchemaOptions.isError, true);
  assert.deepEqual(r.badSchemaOptions.errors.map((e) => [e.param, e.code]), [["locale", "invalid_option"], ["colour", "invalid_option"]]);

  // Messages: English by default and for unknown languages; the others
  // translated, with the field's limit and the format's example filled in.
  const codes = ["invalid_email", "postal_code_format", "too_long"];
  for (const [locale, messages] of Object.entries(r.messages)) assert.deepEqual(messages.map(([c]) => c).sort(), codes.slice().sort(), locale);
  assert.deepEqual(r.messages.en, r.defaultMessages);
  assert.deepEqual(r.messages["pt-BR"], r.defaultMessages);
  assert.deepEqual(r.messages["nl-BE"], r.messages.nl);
  const byCode = (locale) => Object.fromEntries(r.messages[locale]);
  assert.equal(byCode("en").postal_code_format, "Not a usual NL postal code (e.g. 1234 AB)");
  assert.equal(byCode("nl").postal_code_format, "Geen gebruikelijke postcode voor NL (bijv. 1234 AB)");
  assert.equal(byCode("de").too_long, "Üblicherweise höchstens 256 Zeichen (hier 300)");
  assert.equal(byCode("fr").invalid_email, "Adresse e-mail invalide");
  assert.equal(byCode("es").too_long, "Normalmente como máximo 256 caracteres (aquí 300)");
  for (const locale of ["nl", "de", "fr", "es"]) {
    for (const [code, message] of r.messages[locale]) assert.notEqual(message, byCode("en")[code], `${locale} ${code}`);
  }
  assert.deepEqual(r.badLocale.map((p) => [p.param, p.code]), [["locale", "invalid_option"]]);
  assert.equal(r.schemaLocale.issues[0].message, "Eine E-Mail-Adresse ist erforderlich: sie kann nicht gelöscht werden");

  // Per client, per call, per bulk job; nothing sent.
  assert.equal(r.clientLocale.kind, "validation");
  assert.deepEqual(r.clientLocale.errors.map((e) => [e.param, e.code, e.message]), [
    ["email", "email_required", "Une adresse e-mail est obligatoire : elle ne peut pas être effacée"],
  ]);
  assert.equal(r.clientLocale.message, "email: Une adresse e-mail est obligatoire : elle ne peut pas être effacée");
  assert.equal(r.callLocale.errors[0].message, "Se requiere una dirección de correo electrónico: no se puede borrar");
  assert.deepEqual(r.bulkLocale.map((e) => e.message), ["Onbekend veld emial; bedoelde u email?"]);
  assert.equal(r.sentNothing, 0);

  // diffCustomer: an edit it cannot carry is an error, never dropped.
  for (const [name, result] of [["empty", r.diffEmpty], ["blank", r.diffBlank], ["null", r.diffNull]]) {
    assert.equal(result.isError, true, name);
    assert.equal(result.kind, "validation", name);
    assert.deepEqual(result.errors.map((e) => [e.param, e.code, e.severity]), [["email", "email_required", "error"]], name);
  }
  assert.equal(r.diffBlank.errors[0].message, "Eine E-Mail-Adresse ist erforderlich: sie kann nicht gelöscht werden");
  assert.deepEqual(r.diffTypo.errors.map((e) => [e.param, e.code]), [["companyname", "unknown_field"]]);
  assert.match(r.diffTypo.errors[0].message, /did you mean `companyName`/);
  assert.deepEqual(r.diffReadOnly.errors.map((e) => [e.param, e.code]), [["createdAt", "read_only_field"]]);
  assert.deepEqual(r.diffAddressTypo.errors.map((e) => [e.param, e.code]), [["address.zip", "unknown_field"]]);
  assert.deepEqual(r.diffSpread.returned, { name: "Grace Hopper" });
  assert.deepEqual(r.diffUnchanged.returned, {});

  // Issue 25's trial (notes/trial25.md).
  const t = r.trial25;
  assert.equal(t.f1Value, "cus_NEW123", "F1: the schema's value carries the edit");
  assert.deepEqual(t.f1Diff.errors.map((e) => [e.param, e.code]), [["stripeCustomerId", "read_only_field"]]);
  assert.deepEqual(t.f1Judged.map((i) => [i.path, i.code]), [[["stripeCustomerId"], "read_only_field"]]);
  assert.equal(t.f2Unchanged?.some((i) => i.code === "unknown_field"), undefined, "F2: no issue for metadata");
  assert.equal(t.f2JudgedUnchanged, undefined);
  assert.deepEqual(t.f3Clone.returned, {}, "F3: an unchanged round trip");
  assert.deepEqual(t.f3Name.returned, { name: "Grace" });
  assert.deepEqual(t.f3Schema.returned, { name: "Grace" });
  assert.deepEqual(t.f3Changed.errors.map((e) => [e.param, e.code]), [["address.line3", "unknown_field"]]);
  assert.deepEqual(t.f3Erased.errors.map((e) => [e.param, e.code]), [["address.line3", "unknown_field"]]);
  assert.match(t.f3Erased.errors[0].message, /would erase it/);
  assert.deepEqual(t.f3JudgedNew.map((i) => [i.path, i.code]), [[["metadata"], "unknown_field"]]);
  assert.deepEqual(t.f4Value, { line1: "Keizersgracht 123", city: "Haarlem" }, "F4");
  assert.deepEqual(t.f4Diff.returned, {
    address: { line1: "Keizersgracht 123", line2: "3rd floor", city: "Haarlem", state: "Noord-Holland" },
  });
  assert.deepEqual(t.f5Unjudged, ["control_character"], "F5: without the loaded customer it cannot know");
  assert.equal(t.f5Judged.issues, undefined, "F5");
  assert.deepEqual(t.f5Judged.warnings.map((w) => [w.path, w.code, w.severity]), [[["name"], "control_character", "warning"]]);
  assert.deepEqual(t.f5Edited.map((i) => [i.path, i.code]), [[["name"], "control_character"]]);
  assert.deepEqual(t.f8, { address: null }, "F8");
  assert.equal(t.f11.length, 101, "F11");
  assert.ok(t.f11.every((i) => typeof i.code === "string" && typeof i.severity === "string"));
  assert.equal(t.f11.at(-1).code, "too_many_problems");
  assert.equal(t.f11[99].message, "Unbekanntes Feld k99; erwartet eines von name, companyName, email, phone, billingEmail, address, shipping, taxId, taxIdType");
  assert.deepEqual(t.f13.value, { name: "a\tb" }, "F13");
  assert.deepEqual(t.f14, ["email_required"], "F14");
  assert.equal(t.f14Value, null);
  assert.deepEqual(t.f12.map((i) => [i.path, i.code]), [[["name"], "invalid_input"]], "F12");
  assert.match(t.f12[0].message, /262144/);
  assert.deepEqual(t.f10.errors.map((e) => [e.param, e.code]), [["maxRetries", "invalid_option"]], "F10");
  assert.match(t.f16.returned, /^Email cannot be emptied/, "F16: locale null is English");
  // 25c's trial F3, F4: German where German was asked for, English otherwise.
  for (const [german, english] of [t.c3, t.c4]) {
    assert.equal(german.length, english.length);
    assert.ok(german.length > 0);
    german.forEach((message, i) => assert.notEqual(message, english[i], `still English: ${message}`));
  }
  assert.match(t.c3[0].join(" "), /Kein unverschlüsseltes http/);
  assert.match(t.c3[1].join(" "), /Refusing plain http/);

  // Issue 25c: every translation names what the English message names.
  const c = r.c;
  for (const [name, byLocale] of c.messages) {
    const [english, ...others] = byLocale;
    assert.ok(english.length > 0, `${name}: no problem`);
    for (const [i, problems] of others.entries()) {
      const locale = ["nl", "de", "fr", "es"][i];
      assert.deepEqual(problems.map(([param, code]) => [param, code]), english.map(([param, code]) => [param, code]), `${name} ${locale}`);
      for (const [j, [, code, message]] of problems.entries()) {
        const en = english[j][2];
        assert.notEqual(message, en, `${name} ${code} in ${locale}: not translated`);
        for (const value of namedValues(en)) {
          assert.ok(message.toLowerCase().includes(value.toLowerCase()), `${name} ${code} in ${locale}: \`${value}\` missing\n  en: ${en}\n  ${locale}: ${message}`);
        }
      }
    }
  }
  const byName = Object.fromEntries(c.messages);
  // The trial's findings, by example (F9, F10).
  assert.match(byName.unknownField[1][0][2], /^Onbekend veld metadata; verwacht een van name, companyName, email, /);
  assert.equal(byName.invalidType[2][0][2], "name hat den falschen Typ: erwartet string | null, erhalten number");
  assert.match(byName.date[3][0][2], /^Une valeur de type Date ne peut pas être envoyée en JSON .*passez un objet simple/);
  assert.equal(byName.throwingGetter[1][0][2], "Kon niet worden gelezen: getter failed");
  assert.equal(byName.toJSON[4][0][2], "Su toJSON() lanzó un error: boom");
  assert.match(byName.hugePaste[3][0][2], /^Plus de 262144 caractères/);
  assert.equal(byName.diffDraft[1][0][2], "Verwacht een klantconcept (een object)");
  assert.equal(byName.diffBefore[2][0][2], "Erwartet wird ein Kundenobjekt");
  assert.deepEqual(byName.diffBeforeField[1][0].slice(0, 2), ["before.id", "invalid_type"]);
  assert.deepEqual(byName.customerIds[0].map(([param, code]) => [param, code]), [
    ["customerId", "invalid_customer_id"],
    ["customerId", "invalid_customer_id"],
    ["customerId", "invalid_customer_id"],
    ["customerId", "invalid_customer_id"],
    ["limit", "invalid_input"],
    ["startingAfter", "invalid_customer_id"],
  ]);
  assert.equal(byName.customerIds[1][0][2], "Het klant-id heeft witruimte eromheen; verwijder die (id's zijn 24 hexadecimale tekens)");
  assert.match(byName.options[2].find(([param]) => param === "colour")[2], /^Unbekannte Option colour; RequestOptions akzeptiert signal, timeoutMs/);
  // mergeCustomer's locale.
  assert.deepEqual(c.merge.map((errors) => errors.map(([param, code]) => [param, code])), LOCALE_TAGS.map(() => [["draft", "invalid_input"]]));
  assert.deepEqual(c.merge.map((errors) => errors[0][2]), [
    "Expected a customer draft object",
    "Verwacht een klantconcept (een object)",
    "Erwartet wird ein Kundenentwurf (ein Objekt)",
    "Un brouillon de client (un objet) est attendu",
    "Se esperaba un borrador de cliente (un objeto)",
  ]);
  assert.deepEqual(c.mergeDefault, c.merge[0]);
  assert.deepEqual(c.mergeUnknownLocale, c.merge[0]);
  assert.equal(c.sentNothing, 0);
}

const LOCALE_TAGS = ["en", "nl", "de", "fr", "es"];

/**
 * The values an English message names (as tests/messages.rs finds them):
 * what is in backticks or quotes, numbers, identifiers (camelCase,
 * snake_case), null, JavaScript type names, URL words.
 */
function namedValues(message) {
  const words = new Set(["null", "bigint", "symbol", "Date", "Map", "Set", "RegExp", "Promise", "https", "http", "localhost"]);
  const found = [];
  for (const quote of ["`", '"']) {
    message.split(quote).forEach((part, i) => {
      if (i % 2 === 1 && part !== "") found.push(part);
    });
  }
  for (const raw of message.split(/[^\p{L}\p{N}_.]+/u)) {
    const word = raw.replace(/^\.+|\.+$/g, "");
    if (/\d/.test(word) || word.includes("_") || /[a-z][A-Z]/.test(word) || words.has(word)) found.push(word);
  }
  return found;
}

describe("forms: schemas, locales, no dropped edit", () => {
  test("in Node", async () => {
    const sdk = await import("../../pkg/node.js");
    const kit = await import("../../pkg/testing/index.js");
    check(await scenario(sdk, kit));
  });

  describe("in headless Chromium", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const chromium = useChromium({ routes: { "/pkg/": `${root}pkg/`, "/tests/js/": `${root}tests/js/` }, pages: { "/": PAGE } });
    test("the browser entry", async () => {
      const { out, errors } = await chromium.inPage("/", (page) => page.evaluate(() => window.run()));
      check(out);
      assert.deepEqual(errors, []);
    });
  });
});

test("customerPatchJsonSchema: the field table as JSON Schema, refusing what the API refuses (ajv 2020)", async () => {
  const { readFileSync } = await import("node:fs");
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const sdk = await import("../../pkg/node.js");
  const schema = sdk.customerPatchJsonSchema();
  const table = readFileSync(new URL("../../www/src/customer-fields.ts", import.meta.url), "utf8");
  const editable = JSON.parse(/EDITABLE_FIELDS = (\[[^\]]*\])/.exec(table)[1]);
  assert.deepEqual(Object.keys(schema.properties), editable);
  assert.match(schema.properties.email.description, /cannot be cleared/);
  const validate = new Ajv2020({ strict: true }).compile(schema);
  const accepted = [
    { name: "Ada" },
    { phone: null, companyName: "" },
    { email: "ada@example.com", address: { line1: "Main 1", country: "NL" } },
    { shipping: { name: "Ada", address: null } },
    { phone: "call me", address: { postalCode: "not a postal code" } }, // warnings only
  ];
  const refused = [{}, { email: null }, { email: "" }, { email: "   " }, { email: "\t" }, { email: "\u3000" }, { emial: "x" }, { id: "x" }, { address: { zip: "1" } }, { name: 1 }, { shipping: { address: { city: 2 } } }];
  for (const patch of accepted) {
    assert.equal(validate(patch), true, JSON.stringify([patch, validate.errors]));
    assert.deepEqual(sdk.validateCustomerPatch(patch).filter((p) => p.severity === "error"), [], JSON.stringify(patch));
  }
  for (const patch of refused) {
    assert.equal(validate(patch), false, JSON.stringify(patch));
    assert.ok(sdk.validateCustomerPatch(patch).some((p) => p.severity === "error"), JSON.stringify(patch));
  }
});
