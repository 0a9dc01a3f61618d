// The closest ajv 8 equivalent of validateCustomerPatch (see ../schemas.mjs).
import Ajv from "ajv";
import addFormats from "ajv-formats";

import { COUNTRIES, LIMITS } from "../rules-data.mjs";

const CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const PHONE = /^\+?[0-9 ()+.-]{7,24}$/;
const TAX_TYPE = /^[a-z]{2}_[a-z]{2,8}$/;

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
