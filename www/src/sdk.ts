// The one place the dashboard touches the SDK. Everything comes from the
// published package ("checkoutpage-client", a file: dependency on ../pkg),
// exactly as an app using the SDK would import it — never from the Rust
// sources.
import * as sdk from "checkoutpage-client";
import type { Address, Customer, CustomerPatch, FieldError, Shipping } from "checkoutpage-client";

export { CheckoutPageClient, CheckoutPageError } from "checkoutpage-client";
export type { Address, Customer, CustomerPatch, ErrorKind, FieldError, Shipping } from "checkoutpage-client";

/** The editable part of a customer, as read from the form. */
export interface CustomerDraft {
  name?: string | null;
  companyName?: string | null;
  email?: string | null;
  phone?: string | null;
  billingEmail?: string | null;
  address?: Address | null;
  shipping?: Shipping | null;
  taxId?: string | null;
  taxIdType?: string | null;
}

// The patch helpers are read off the module namespace (rather than named
// imports) so that a package built without one of them still bundles and the
// page can say which function is missing, instead of failing to build.
function required<F>(name: string, fn: F | undefined): F {
  if (typeof fn === "function") return fn;
  return ((..._args: unknown[]) => {
    throw new Error(`checkoutpage-client does not export ${name}(); rebuild the package (bash scripts/build-pkg.sh)`);
  }) as F;
}

/** Field problems of a patch, checked in the browser (same rules as the API). */
export const validateCustomerPatch: (patch: unknown) => FieldError[] = required(
  "validateCustomerPatch",
  sdk.validateCustomerPatch,
);

/**
 * The patch that turns `before` into `after`: unchanged fields omitted,
 * emptied ones `null`, and `address` / `shipping` sent whole when any of
 * their sub-fields changed.
 */
export const diffCustomer: (before: Customer, after: CustomerDraft) => CustomerPatch = required(
  "diffCustomer",
  sdk.diffCustomer,
);

/** A patch as the API will understand it (trimmed, canonical). */
export const normalizeCustomerPatch: (patch: CustomerPatch) => CustomerPatch = required(
  "normalizeCustomerPatch",
  sdk.normalizeCustomerPatch,
);

/** `customer` with `patch` applied, as the server would store it. */
export const applyCustomerPatch: (customer: Customer, patch: CustomerPatch) => Customer = required(
  "applyCustomerPatch",
  sdk.applyCustomerPatch,
);

/** Which of the patch helpers the installed package lacks (empty once it has them all). */
export const missingExports: string[] = (
  ["validateCustomerPatch", "diffCustomer", "normalizeCustomerPatch", "applyCustomerPatch"] as const
).filter((name) => typeof (sdk as Record<string, unknown>)[name] !== "function");
