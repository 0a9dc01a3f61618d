// `require("checkoutpage-client/init")`: the CommonJS build loads the wasm
// synchronously, so `init()` has nothing left to do.
"use strict";
const sdk = require("./checkoutpage.cjs");

/** Resolves at once: the CommonJS build is initialised when required. */
function init() {
  return Promise.resolve();
}

module.exports = { ...sdk, init };
