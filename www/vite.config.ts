import { defineConfig } from "vite";

// The package loads its wasm with top-level await
// (`new URL("./checkoutpage_bg.wasm", import.meta.url)`), so:
// - the build targets es2022 (top-level await), and Vite emits the .wasm as
//   an asset and rewrites the URL;
// - the dev server must not pre-bundle it with esbuild, which would lose the
//   `import.meta.url` the wasm is resolved against.
//
// `npm run dev` proxies the API routes to a running sandbox
// (SANDBOX_URL, default http://127.0.0.1:4010), so the page stays same-origin.
const sandbox = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";
const proxy = { "/proxy": sandbox, "/__sandbox": sandbox };

export default defineConfig({
  base: "./",
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
  optimizeDeps: {
    exclude: ["checkoutpage-client"],
  },
  server: {
    proxy,
    // checkoutpage-client is a symlink to ../pkg.
    fs: { allow: [".", "../pkg"] },
  },
  preview: { proxy },
});
