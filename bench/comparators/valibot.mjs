// The closest valibot 1 equivalent of validateCustomerPatch (see ../schemas.mjs).
import * as v from "valibot";

import { COUNTRIES, LIMITS } from "../rules-data.mjs";

const CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const PHONE = /^\+?[0-9 ()+.-]{7,24}$/;
const TAX_TYPE = /^[a-z]{2}_[a-z]{2,8}$/;

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
