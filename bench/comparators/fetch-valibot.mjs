// The hand-written fetch client (fetch-client.mjs) validating with valibot 1.
import * as v from "valibot";

import { createClient } from "./fetch-client.mjs";
import { valibotSchema } from "./valibot.mjs";

export function createValibotClient(options) {
  return createClient({
    ...options,
    validate(patch) {
      const result = v.safeParse(valibotSchema, patch);
      return result.success ? null : result.issues.map((i) => ({ param: v.getDotPath(i) ?? "", message: i.message }));
    },
  });
}
