// A hand-written fetch client validating with zod 4 (bundled by ../bundles.mjs).
export { createZodClient } from "../../comparators/fetch-zod.mjs";
