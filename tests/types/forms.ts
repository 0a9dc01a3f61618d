// Issue 25: the schemas are typed as Standard Schema v1 with their input and
// output, so a form library (or StandardSchemaV1.InferOutput) sees the
// customer types; validate is synchronous; the locales are listed.
import {
  type CustomerDraft,
  type CustomerPatch,
  type Locale,
  type SchemaIssue,
  type StandardSchemaV1,
  createCustomerDraftSchema,
  createCustomerPatchSchema,
  diffCustomer,
  mergeCustomer,
  validateCustomerPatch,
  CheckoutPageClient,
} from "../../pkg/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T | undefined => undefined;

const patchSchema = createCustomerPatchSchema({ locale: "nl" });
const draftSchema = createCustomerDraftSchema({ locale: navigator.language, validation: "strict" });
assert<Equal<StandardSchemaV1.InferOutput<typeof patchSchema>, CustomerPatch>>();
assert<Equal<StandardSchemaV1.InferInput<typeof draftSchema>, CustomerDraft>>();
// The draft schema's value is the draft as diffCustomer reads it (issue 25
// trial F1/F4: read-only and unknown keys carried, partial sub-objects kept).
assert<Equal<StandardSchemaV1.InferOutput<typeof draftSchema>, CustomerDraft>>();
// Any library taking a StandardSchemaV1 takes them.
const standard: StandardSchemaV1<CustomerDraft, CustomerDraft> = draftSchema;
void standard;
declare const loaded: import("../../pkg/index.js").Customer;
const judged = createCustomerDraftSchema({ before: loaded, locale: null, validation: null });
const checked = judged["~standard"].validate({ ...loaded });
if (!checked.issues) {
  const patch: CustomerPatch = diffCustomer(loaded, checked.value);
  void patch;
}

// Synchronous: a result, not a Promise.
const result = patchSchema["~standard"].validate({ name: "Ada" });
if (result.issues) {
  const first: SchemaIssue | undefined = result.issues[0];
  const path: ReadonlyArray<string> | undefined = first?.path;
  void path;
} else {
  const stored: CustomerPatch = result.value;
  void stored;
}
const hints: ReadonlyArray<SchemaIssue> = result.warnings;
const more: ReadonlyArray<SchemaIssue> = draftSchema.warnings({ phone: "x" });
void hints;
void more;

const locales: Locale[] = ["en", "nl", "de", "fr", "es"];
// @ts-expect-error: not a listed locale, and not a string
const notALocale: Locale = 42;
void locales;
void notALocale;
validateCustomerPatch({ name: "Ada" }, { locale: "fr-CA" });
new CheckoutPageClient({ locale: "es" }).updateCustomer("6650a1b2c3d4e5f601234567", { name: "Ada" }, { locale: "de" });
declare const before: import("../../pkg/index.js").Customer;
const diff: CustomerPatch = diffCustomer(before, { email: "" }, { locale: "nl" });
void diff;
// Issue 25c: mergeCustomer takes a locale as diffCustomer does.
mergeCustomer(before, before, {}, { locale: "de", onConflict: "mine" });
mergeCustomer(before, before, {}, { locale: navigator.language });
mergeCustomer(before, before, {}, { locale: null });
// @ts-expect-error: a locale is a language tag
mergeCustomer(before, before, {}, { locale: 5 });
