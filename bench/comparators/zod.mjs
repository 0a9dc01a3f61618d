// The closest zod 4 equivalent of validateCustomerPatch (see ../schemas.mjs
// for what it cannot express). Also bundled for the browser by
// bench/size/bundles.mjs, so it imports nothing Node-only.
import * as z from "zod";

import { COUNTRIES, LIMITS } from "../rules-data.mjs";

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
