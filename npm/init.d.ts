// Types of the `checkoutpage-client/init` entry: the package's API plus
// `init()`, which must be awaited once before anything else is used, and
// `initSync` for those who load the wasm themselves. Like the main entry's,
// they need no DOM lib: a Node-only project (`lib: ["ES2022"]`,
// `@types/node`, `skipLibCheck: false`) checks them. The host's types
// (`URL`, `Request`, `Response`, `WebAssembly.Module`) are taken from the
// project's globals where it declares them (DOM lib, @types/node) and drop
// out of the unions where it does not.
/// <reference lib="esnext.disposable" />
export * from "./api.js";

/** The instance type of the global constructor `Name`, or `never` where the project does not declare it. */
type HostClass<Name extends string> = typeof globalThis extends { [K in Name]: { prototype: infer T } } ? T : never;
/** The instance type of `WebAssembly[Name]`, or `never` where the project does not declare WebAssembly. */
type HostWasm<Name extends string> = typeof globalThis extends {
  WebAssembly: { [K in Name]: { prototype: infer T } };
}
  ? T
  : never;

/**
 * What `init(input)` loads the module from: a URL of the `.wasm` (string or
 * `URL`), a `Request` or `Response` for it, its bytes, or a compiled
 * `WebAssembly.Module` (as wasm-bindgen's own init takes it).
 */
export type InitInput =
  | string
  | HostClass<"URL">
  | HostClass<"Request">
  | HostClass<"Response">
  | ArrayBuffer
  | ArrayBufferView
  | HostWasm<"Module">;

/** What `initSync` instantiates synchronously: the module's bytes or a compiled `WebAssembly.Module`. */
export type SyncInitInput = ArrayBuffer | ArrayBufferView | HostWasm<"Module">;

/** The instantiated module's exports that are of use outside the package: its memory. */
export interface InitOutput {
  readonly memory: HostWasm<"Memory">;
}

/**
 * Instantiates the module synchronously from `module` (bytes or a
 * `WebAssembly.Module`, e.g. `checkoutpage-client/checkoutpage_bg.wasm` read
 * or compiled by you); `init()` is then not needed. Throws what
 * `WebAssembly.Module` throws for bytes that are not this module.
 */
export declare function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * Loads and instantiates the WebAssembly module. Await it once before using
 * anything else from `checkoutpage-client/init`; later calls return the same
 * promise. The wasm is carried inline; pass `input` (a URL, a `Response`,
 * bytes or a `WebAssembly.Module`, as wasm-bindgen's init takes it) only to
 * load `checkoutpage-client/checkoutpage_bg.wasm` from elsewhere. Rejects
 * with a `CheckoutPageError` of kind `"environment"` that says what to do
 * (for example, a Content Security Policy without `'wasm-unsafe-eval'`).
 * (The main `checkoutpage-client` entry does this by itself.)
 */
export declare function init(input?: InitInput | Promise<InitInput>): Promise<void>;
