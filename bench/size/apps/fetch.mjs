// A hand-written fetch client, no validation (bundled by ../bundles.mjs).
export { createClient } from "../../comparators/fetch-client.mjs";
