// The zod 4 schema alone (bundled by ../bundles.mjs; the Chromium cold start
// of bench/run.mjs loads it).
export { zodSchema } from "../../comparators/zod.mjs";
