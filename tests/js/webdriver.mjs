// Drives Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver under Xvfb)
// over plain WebDriver, as scripts/test-browsers.sh does for the wasm-bindgen
// suite (drivers installed by scripts/setup.sh): opens a page whose title is
// "pending" until it sets it to a JSON result. Used by other-engines.test.mjs
// and tests/packaging/workers.test.mjs.
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function geckodriver() {
  try {
    return execFileSync("sh", ["-c", "command -v geckodriver"], { encoding: "utf8" }).trim();
  } catch {
    return `${process.env.HOME}/.cargo/bin/geckodriver`;
  }
}

const ENGINES = {
  Firefox: (port) => ({
    command: geckodriver(),
    args: [`--port=${port}`],
    capabilities: { "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"] } },
  }),
  // WebKitGTK's MiniBrowser needs a display: Xvfb, as in test-browsers.sh.
  WebKit: (port) => ({ command: "xvfb-run", args: ["-a", "/usr/bin/WebKitWebDriver", `--port=${port}`], capabilities: {} }),
};

/** Opens the page in `engine` over WebDriver and returns its title once the scenario has run. */
export async function runIn(engine, url) {
  const port = await freePort();
  const { command, args, capabilities } = ENGINES[engine](port);
  if (command !== "xvfb-run" && !existsSync(command)) throw new Error(`no WebDriver at ${command}: run bash scripts/setup.sh`);
  // Its own process group, so that xvfb-run's Xvfb and driver stop with it.
  const driver = spawn(command, args, { stdio: "ignore", detached: true });
  const exited = new Promise((resolve) => driver.once("exit", resolve));
  const call = async (method, path, body) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body),
    });
    return (await response.json()).value;
  };
  try {
    let session;
    for (let i = 0; i < 150 && !session?.sessionId; i++) {
      session = await call("POST", "/session", { capabilities: { alwaysMatch: capabilities } }).catch(() => undefined);
      if (!session?.sessionId) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(session?.sessionId, `${engine}: no WebDriver session`);
    const id = session.sessionId;
    try {
      await call("POST", `/session/${id}/url`, { url });
      const agent = await call("POST", `/session/${id}/execute/sync`, { script: "return navigator.userAgent", args: [] });
      let title = "pending";
      for (let i = 0; i < 300 && title === "pending"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        title = await call("GET", `/session/${id}/title`);
      }
      return { agent, result: JSON.parse(title) };
    } finally {
      await call("DELETE", `/session/${id}`).catch(() => undefined);
    }
  } finally {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {
      driver.kill();
    }
    await exited;
  }
}
