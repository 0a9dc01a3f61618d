// The SDK's own rule data, read from the Rust sources so that the JavaScript
// schemas in schemas.mjs check exactly the same countries and lengths.
import { readFileSync } from "node:fs";

const source = (path) => readFileSync(new URL(`../src/rules/${path}`, import.meta.url), "utf8");

const codes = source("countries.rs").match(/const CODES: &str = concat!\(([\s\S]*?)\);/)[1];
const letters = [...codes.matchAll(/"([A-Z]+)"/g)].map((m) => m[1]).join("");
export const COUNTRIES = letters.match(/../g);

export const LIMITS = Object.fromEntries(
  [...source("limits.rs").matchAll(/\("(\w+)", (\d+)\)/g)].map((m) => [m[1], Number(m[2])]),
);

if (COUNTRIES.length !== 250 || !LIMITS.name) throw new Error("could not read the rule data");
