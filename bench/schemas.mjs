// The closest zod 4, valibot 1 and ajv 8 equivalents of validateCustomerPatch.
// What they cannot express declaratively is listed in UNEXPRESSED and in
// bench/RESULTS.md; those rules are simply absent from these schemas, so the
// JavaScript libraries do less work than the SDK.
export { zodSchema } from "./comparators/zod.mjs";
export { valibotSchema } from "./comparators/valibot.mjs";
export { ajvValidate } from "./comparators/ajv.mjs";

export const UNEXPRESSED = [
  "postal code formats per country (depends on the sibling `country` field)",
  "tax id formats per `taxIdType` (depends on the sibling field)",
  "`taxId` and `taxIdType` must be set together (ajv: dependentRequired covers presence, not null-vs-value)",
  "'did you mean' hints for misspelt fields; read-only fields reported as read-only rather than unknown",
  "every problem in the API's {param, message, value} shape with dotted params (each library has its own issue format)",
  "emails validated after trimming, as the server stores them",
];
