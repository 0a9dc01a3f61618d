// The form: every editable customer field, keyed by the dotted `param` the
// SDK and the API use in their field errors (`address.country`,
// `shipping.address.postalCode`), and the conversions form ⇄ customer/draft.
import type { Address, Customer, CustomerDraft, Shipping } from "./sdk";
import { ADDRESS_FIELDS, STRING_FIELDS, type AddressField, type StringField } from "./customer-fields";

export interface FieldDef {
  /** Dotted path, as in `FieldError.param`. */
  param: string;
  label: string;
  type?: "text" | "email" | "tel";
  placeholder?: string;
  hint?: string;
  /** Spans both columns on wide screens. */
  wide?: boolean;
  /** id of a <datalist> with suggestions. */
  list?: string;
  inputmode?: string;
  autocapitalize?: string;
  maxlength?: number;
}

export interface SectionDef {
  /** The object this section edits as a whole (`address`, `shipping`), if any. */
  group?: "address" | "shipping";
  title: string;
  description: string;
  fields: FieldDef[];
  /** Nested sub-form (the shipping address). */
  sub?: { group: "shipping.address"; title: string; fields: FieldDef[] };
}

/** The fields of an address, from the field table (`customer-fields.ts`, generated). */
export const ADDRESS_KEYS = ADDRESS_FIELDS;

function addressFields(prefix: string): FieldDef[] {
  const label: Record<AddressField, FieldDef> = {
    line1: { param: "line1", label: "Address line 1", placeholder: "Street and number", wide: true },
    line2: { param: "line2", label: "Address line 2", placeholder: "Apartment, suite, floor (optional)", wide: true },
    city: { param: "city", label: "City" },
    state: { param: "state", label: "State / province / region" },
    postalCode: { param: "postalCode", label: "Postal code", autocapitalize: "characters" },
    country: {
      param: "country",
      label: "Country",
      hint: "ISO 3166-1 alpha-2, e.g. NL, US, DE",
      placeholder: "NL",
      autocapitalize: "characters",
      maxlength: 8,
      list: "country-codes",
    },
  };
  return ADDRESS_KEYS.map((key) => ({ ...label[key], param: `${prefix}.${key}` }));
}

/** The top-level string fields, from the field table (`customer-fields.ts`, generated). */
export const TOP_LEVEL = STRING_FIELDS;

/**
 * How the form shows each top-level string field, and in which section. A
 * `Record` over the field table's names: a field added to the table is a type
 * error here until it has its label.
 */
const TOP_LEVEL_FIELDS: Record<StringField, FieldDef & { section: "contact" | "tax" }> = {
  name: { section: "contact", param: "name", label: "Full name", placeholder: "Ada Lovelace" },
  companyName: { section: "contact", param: "companyName", label: "Company", placeholder: "Analytical Engines B.V." },
  email: {
    section: "contact",
    param: "email",
    label: "Email",
    type: "email",
    hint: "Required. The API trims and lower-cases it; it cannot be cleared.",
    placeholder: "ada@example.com",
  },
  billingEmail: {
    section: "contact",
    param: "billingEmail",
    label: "Billing email",
    type: "email",
    hint: "Where invoices go, if not the main email.",
    placeholder: "billing@example.com",
  },
  phone: { section: "contact", param: "phone", label: "Phone", type: "tel", placeholder: "+31 20 123 4567" },
  taxId: { section: "tax", param: "taxId", label: "Tax ID", placeholder: "NL123456789B01", autocapitalize: "characters" },
  taxIdType: { section: "tax", param: "taxIdType", label: "Tax ID type", placeholder: "eu_vat", list: "tax-id-types", hint: "e.g. eu_vat, gb_vat, us_ein" },
};

/** The top-level fields of `section`, in the order listed above. */
function topLevel(section: "contact" | "tax"): FieldDef[] {
  return Object.values(TOP_LEVEL_FIELDS)
    .filter((def) => def.section === section)
    .map(({ section: _, ...def }) => def);
}

export const SECTIONS: SectionDef[] = [
  {
    title: "Contact",
    description: "Who the customer is and how to reach them.",
    fields: topLevel("contact"),
  },
  {
    title: "Tax",
    description: "Shown on invoices.",
    fields: topLevel("tax"),
  },
  {
    group: "address",
    title: "Billing address",
    description: "Replaced whole: changing one line sends the complete address.",
    fields: addressFields("address"),
  },
  {
    group: "shipping",
    title: "Shipping",
    description: "Replaced whole, including its address.",
    fields: [
      { param: "shipping.name", label: "Recipient name" },
      { param: "shipping.phone", label: "Recipient phone", type: "tel" },
    ],
    sub: { group: "shipping.address", title: "Shipping address", fields: addressFields("shipping.address") },
  },
];

export const ALL_FIELDS: FieldDef[] = SECTIONS.flatMap((s) => [...s.fields, ...(s.sub?.fields ?? [])]);

export const TAX_ID_TYPES = ["eu_vat", "gb_vat", "ch_vat", "no_vat", "us_ein", "ca_bn", "au_abn", "in_gst", "br_cnpj", "jp_cn"];
export const COUNTRY_CODES = ["NL", "DE", "BE", "FR", "GB", "IE", "ES", "IT", "AT", "CH", "DK", "SE", "NO", "FI", "PL", "US", "CA", "AU", "JP", "BR"];

/** `id` of the input for a dotted param. */
export function inputId(param: string): string {
  return `f-${param.replace(/\./g, "-")}`;
}

/** `id` of the error slot for a dotted param. */
export function errorId(param: string): string {
  return `err-${param.replace(/\./g, "-")}`;
}

/** The value at a dotted path of a customer, as the form shows it. */
export function valueAt(customer: Customer, param: string): string {
  let node: unknown = customer;
  for (const key of param.split(".")) {
    if (node === null || typeof node !== "object") return "";
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === "string" ? node : node == null ? "" : String(node);
}

/**
 * The draft the form holds. Top-level fields are `null` when empty (so
 * emptying one clears it). Inside `address` / `shipping`, empty sub-fields are
 * left out, as the API stores them; an address or shipping block with
 * nothing filled in is `null`.
 */
export function readDraft(read: (param: string) => string): CustomerDraft {
  const text = (param: string): string | null => {
    const value = read(param);
    return value.trim() === "" ? null : value;
  };
  const address = (prefix: string): Address | null => {
    const out: Address = {};
    for (const key of ADDRESS_KEYS) {
      const value = text(`${prefix}.${key}`);
      if (value !== null) out[key] = value;
    }
    return Object.keys(out).length ? out : null;
  };

  const draft: CustomerDraft = {};
  for (const key of TOP_LEVEL) draft[key] = text(key);
  draft.address = address("address");

  const shipping: Shipping = {};
  const name = text("shipping.name");
  const phone = text("shipping.phone");
  const shippingAddress = address("shipping.address");
  if (name !== null) shipping.name = name;
  if (phone !== null) shipping.phone = phone;
  if (shippingAddress !== null) shipping.address = shippingAddress;
  draft.shipping = Object.keys(shipping).length ? shipping : null;
  return draft;
}
