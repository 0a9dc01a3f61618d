// A hand-written fetch client validating with valibot 1 (bundled by ../bundles.mjs).
export { createValibotClient } from "../../comparators/fetch-valibot.mjs";
