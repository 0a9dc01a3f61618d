// Globals wasm-bindgen's glue (checkoutpage.js) reads, given to it instead by
// esbuild's `inject` (npm/build-entries.mjs): each global the glue names and
// this module exports becomes an import of it.
//
// - TextDecoder/TextEncoder: the host's, or a small fallback where it has none
//   (Jest's jsdom environment; ./text-codec.js).
// - queueMicrotask: the futures queue of js-sys schedules its run with the
//   global `queueMicrotask`, looked up at each call. Test fake timers (Jest's
//   default `jest.useFakeTimers()`, @sinonjs/fake-timers) replace it with one
//   that runs only when the test advances time: the queue then stays
//   "scheduled" forever and every later call of the module never settles, even
//   after real timers are back. Promise jobs cannot be faked.
export { TextDecoder, TextEncoder } from "./text-codec.js";

/** Runs `task` as a promise job, never through the (fakeable) global queueMicrotask. */
export const queueMicrotask = (task) => void Promise.resolve().then(task);
