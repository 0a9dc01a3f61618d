// The one place the dashboard touches the SDK. Everything comes from the
// published package ("checkoutpage-client", a file: dependency on ../pkg),
// exactly as an app using the SDK would import it — never from the Rust
// sources.
export {
  applyCustomerPatch,
  CheckoutPageClient,
  CheckoutPageError,
  diffCustomer,
  mergeCustomer,
  normalizeCustomerPatch,
  validateCustomerPatch,
} from "checkoutpage-client";
export type {
  Address,
  Customer,
  CustomerDraft,
  CustomerPage,
  CustomerPatch,
  Conflict,
  ErrorKind,
  FieldError,
  Shipping,
} from "checkoutpage-client";
