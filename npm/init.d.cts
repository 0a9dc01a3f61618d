// Types of `require("checkoutpage-client/init")`.
export * from "./checkoutpage.cjs";

/**
 * Resolves at once: the CommonJS build is initialised when required. Kept
 * for code shared with the ESM `checkoutpage-client/init` entry.
 */
export declare function init(): Promise<void>;
