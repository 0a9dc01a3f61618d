// The closest zod 4, valibot 1 and ajv 8 equivalents of validateCustomerPatch.
// What they cannot express declaratively is listed in UNEXPRESSED and in
// bench/RESULTS.md; those rules are simply absent from these schemas, so the
// JavaScript libraries do less work than the SDK.
import Ajv from "ajv";
import addFormats from "ajv-formats";
import * as v from "valibot";
import { z } from "zod";

import { COUNTRIES, LIMITS } from "./rules-data.mjs";

export const UNEXPRESSED = [
  "postal code formats per country (depends on the sibling `country` field)",
  "tax id formats per `taxIdType` (depends on the sibling field)",
  "`taxId` and `taxIdType` must be set together (ajv: dependentRequired covers presence, not null-vs-value)",
  "'did you mean' hints for misspelt fields; read-only fields reported as read-only rather than unknown",
  "every problem in the API's {param, message, value} shape with dotted params (each library has its own issue format)",
  "emails validated after trimming, as the server stores them",
];

const CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const PHONE = /^\+?[0-9 ()+.-]{7,24}$/;
const TAX_TYPE = /^[a-z]{2}_[a-z]{2,8}$/;

// zod 4
const zText = (max) => z.string().max(max).regex(CONTROL);
const zAddress = z.strictObject({
  line1: zText(LIMITS.line1).nullable().optional(),
  line2: zText(LIMITS.line2).nullable().optional(),
  city: zText(LIMITS.city).nullable().optional(),
  state: zText(LIMITS.state).nullable().optional(),
  postalCode: zText(LIMITS.postalCode).nullable().optional(),
  country: z.enum(COUNTRIES).nullable().optional(),
});
export const zodSchema = z
  .strictObject({
    name: zText(LIMITS.name).nullable().optional(),
    companyName: zText(LIMITS.companyName).nullable().optional(),
    email: z.email().max(254).optional(),
    phone: z.string().regex(PHONE).nullable().optional(),
    billingEmail: z.email().max(254).nullable().optional(),
    address: zAddress.nullable().optional(),
    shipping: z
      .strictObject({
        name: zText(LIMITS.name).nullable().optional(),
        phone: z.string().regex(PHONE).nullable().optional(),
        address: zAddress.nullable().optional(),
      })
      .nullable()
      .optional(),
    taxId: zText(LIMITS.taxId).nullable().optional(),
    taxIdType: z.string().regex(TAX_TYPE).nullable().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, "The patch must change at least one field");

// valibot 1
const vText = (max) => v.pipe(v.string(), v.maxLength(max), v.regex(CONTROL));
const vOpt = (schema) => v.optional(v.nullable(schema));
const vAddress = v.strictObject({
  line1: vOpt(vText(LIMITS.line1)),
  line2: vOpt(vText(LIMITS.line2)),
  city: vOpt(vText(LIMITS.city)),
  state: vOpt(vText(LIMITS.state)),
  postalCode: vOpt(vText(LIMITS.postalCode)),
  country: vOpt(v.picklist(COUNTRIES)),
});
export const valibotSchema = v.pipe(
  v.strictObject({
    name: vOpt(vText(LIMITS.name)),
    companyName: vOpt(vText(LIMITS.companyName)),
    email: v.optional(v.pipe(v.string(), v.email(), v.maxLength(254))),
    phone: vOpt(v.pipe(v.string(), v.regex(PHONE))),
    billingEmail: vOpt(v.pipe(v.string(), v.email(), v.maxLength(254))),
    address: vOpt(vAddress),
    shipping: vOpt(
      v.strictObject({
        name: vOpt(vText(LIMITS.name)),
        phone: vOpt(v.pipe(v.string(), v.regex(PHONE))),
        address: vOpt(vAddress),
      }),
    ),
    taxId: vOpt(vText(LIMITS.taxId)),
    taxIdType: vOpt(v.pipe(v.string(), v.regex(TAX_TYPE))),
  }),
  v.check((patch) => Object.keys(patch).length > 0, "The patch must change at least one field"),
);

// ajv 8 (JSON Schema, compiled to JavaScript)
const jText = (max) => ({ type: ["string", "null"], maxLength: max, pattern: CONTROL.source });
const jAddress = {
  type: ["object", "null"],
  additionalProperties: false,
  properties: {
    line1: jText(LIMITS.line1),
    line2: jText(LIMITS.line2),
    city: jText(LIMITS.city),
    state: jText(LIMITS.state),
    postalCode: jText(LIMITS.postalCode),
    country: { enum: [...COUNTRIES, null] },
  },
};
const jsonSchema = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: jText(LIMITS.name),
    companyName: jText(LIMITS.companyName),
    email: { type: "string", format: "email", maxLength: 254 },
    phone: { type: ["string", "null"], pattern: PHONE.source },
    billingEmail: { type: ["string", "null"], format: "email", maxLength: 254 },
    address: jAddress,
    shipping: {
      type: ["object", "null"],
      additionalProperties: false,
      properties: {
        name: jText(LIMITS.name),
        phone: { type: ["string", "null"], pattern: PHONE.source },
        address: jAddress,
      },
    },
    taxId: jText(LIMITS.taxId),
    taxIdType: { type: ["string", "null"], pattern: TAX_TYPE.source },
  },
};
const ajv = new Ajv({ allErrors: true, unicodeRegExp: true });
addFormats(ajv, ["email"]);
export const ajvValidate = ajv.compile(jsonSchema);
