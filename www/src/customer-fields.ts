// Generated from the customer field table (fields/src/lib.rs); do not edit.
// Regenerate: BLESS=1 cargo test -p checkoutpage-fields --test generated

/** The fields a patch may carry, in the API's order. */
export const EDITABLE_FIELDS = ["name", "companyName", "email", "phone", "billingEmail", "address", "shipping", "taxId", "taxIdType"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** The editable fields that hold strings (`null` clears all but `email`). */
export const STRING_FIELDS = ["name", "companyName", "email", "phone", "billingEmail", "taxId", "taxIdType"] as const;
export type StringField = (typeof STRING_FIELDS)[number];

/** The fields the server sets; a patch may not carry them. */
export const READ_ONLY_FIELDS = ["id", "sellerId", "stripeCustomerId", "createdAt", "updatedAt"] as const;
export type ReadOnlyField = (typeof READ_ONLY_FIELDS)[number];

/** The fields of an address (`address`, `shipping.address`). */
export const ADDRESS_FIELDS = ["line1", "line2", "city", "state", "postalCode", "country"] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The fields of `shipping`. */
export const SHIPPING_FIELDS = ["name", "phone", "address"] as const;
export type ShippingField = (typeof SHIPPING_FIELDS)[number];
