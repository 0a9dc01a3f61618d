// An app using the SDK's client and validation (bundled by ../bundles.mjs).
export { CheckoutPageClient, validateCustomerPatch } from "checkoutpage-client";
