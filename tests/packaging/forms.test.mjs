// Issue 25: the package's Standard Schema in real form libraries, in a real
// browser. fixtures/forms is a React app (built by Vite from the packed
// tarball) with two customer edit forms: react-hook-form through
// @hookform/resolvers' standardSchemaResolver, and TanStack Form with the
// schema as its form validator. Both use createCustomerDraftSchema, save
// diffCustomer's patch with updateCustomer against the test kit (in the
// page, window.api), and show the server's field errors at their fields.
// Headless Chromium types into them as a user would.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";

import { fixture, join, run, serve, useBrowser } from "./harness.mjs";

const LONG = { timeout: 180_000 };
const LINUS = "6650a1b2c3d4e5f601234569";
const FORMS = { "react-hook-form": "#hook-form", "TanStack Form": "#tanstack-form" };
const browser = useBrowser();
let server;

async function open(query = "") {
  if (!server) {
    const dir = fixture("forms");
    await run(join(dir, "node_modules/.bin/vite"), ["build", "--logLevel", "error"], { cwd: dir });
    server = await serve({ "/": join(dir, "dist") });
  }
  const page = await browser().newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(`${server.url}/index.html${query}`);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
  return { page, problems };
}

const patches = (page) =>
  page.evaluate(() => window.api.requests.filter((r) => r.method === "PATCH").map((r) => r.json));

describe("Standard Schema in form libraries (fixtures/forms, Chromium)", () => {
  for (const [library, form] of Object.entries(FORMS)) {
    test(`${library}: errors at their fields block, warnings do not, the diff is saved, server errors land on their field`, LONG, async () => {
      const { page, problems } = await open();
      const at = (kind, name) => page.locator(`${form} [data-${kind}-for="${name}"]`);
      const input = (name) => page.locator(`${form} input[name="${name}"]`);
      const status = page.locator(`${form} .status`);
      try {
        // An emptied email: an error at the field, and nothing is sent.
        await input("email").fill("   ");
        await input("email").blur();
        await page.waitForFunction((el) => document.querySelector(el)?.textContent !== "", `${form} [data-error-for="email"]`);
        assert.match(await at("error", "email").textContent(), /^Email cannot be emptied/);
        await page.click(`${form} button[type=submit]`);
        await page.waitForTimeout(300);
        assert.deepEqual(await patches(page), []);
        assert.equal(await status.textContent(), "");

        // A warning only (a postal code outside the US format): shown as a
        // hint, no error, and the form saves the diff.
        await input("email").fill(" Linus.P@Example.ORG ");
        await input("address.postalCode").fill("ABC");
        await input("address.postalCode").blur();
        await page.waitForFunction((el) => document.querySelector(el)?.textContent !== "", `${form} [data-hint-for="address.postalCode"]`);
        assert.match(await at("hint", "address.postalCode").textContent(), /postal code/i);
        assert.equal(await at("error", "address.postalCode").textContent(), "");
        assert.equal(await at("error", "email").textContent(), "");
        await page.click(`${form} button[type=submit]`);
        await page.waitForFunction((el) => document.querySelector(el)?.textContent.startsWith("Saved"), `${form} .status`);
        assert.deepEqual(await patches(page), [
          {
            email: "linus.p@example.org",
            address: { line1: "1 Centennial Way", city: "Portland", state: "OR", postalCode: "ABC", country: "US" },
          },
        ]);

        // A refusal only the server can make lands on its field.
        await page.evaluate((id) => {
          window.api.fail(id, { kind: "validationError", errors: [{ param: "email", message: "Email already in use" }] });
        }, LINUS);
        await input("email").fill("taken@example.com");
        await page.click(`${form} button[type=submit]`);
        await page.waitForFunction((el) => document.querySelector(el)?.textContent === "Email already in use", `${form} [data-error-for="email"]`);
        assert.match(await status.textContent(), /^Not saved/);
        assert.equal((await patches(page)).length, 2);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });

    test(`${library}: messages in the form's locale (?locale=nl)`, LONG, async () => {
      const { page, problems } = await open("?locale=nl");
      try {
        await page.locator(`${form} input[name="email"]`).fill("");
        await page.locator(`${form} input[name="email"]`).blur();
        const error = `${form} [data-error-for="email"]`;
        await page.waitForFunction((el) => document.querySelector(el)?.textContent !== "", error);
        assert.equal(await page.textContent(error), "Een e-mailadres is verplicht: het kan niet worden gewist");
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }
});

// The static server would keep this file's process alive.
after(() => server?.close());
