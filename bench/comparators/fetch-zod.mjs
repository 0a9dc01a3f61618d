// The hand-written fetch client (fetch-client.mjs) validating with zod 4.
import { createClient } from "./fetch-client.mjs";
import { zodSchema } from "./zod.mjs";

export function createZodClient(options) {
  return createClient({
    ...options,
    validate(patch) {
      const result = zodSchema.safeParse(patch);
      return result.success ? null : result.error.issues.map((i) => ({ param: i.path.join("."), message: i.message }));
    },
  });
}
