// `scripts/bench.sh --fast`: fewer and shorter samples (one command still).
export const FAST = process.env.BENCH_FAST === "1";

// A tiny benchmark harness: each sample runs a function in batches for a
// fixed time; the result is the median of the samples' operations per second.
export function opsPerSecond(fn, { samples = FAST ? 5 : 7, sampleMs = FAST ? 120 : 250, batch = 50, warmupMs = FAST ? 300 : 500 } = {}) {
  // Warm up for a fixed time, not a fixed count: V8 moves hot JavaScript and
  // wasm functions to its optimising tier only after enough work.
  const warm = performance.now() + warmupMs;
  while (performance.now() < warm) for (let i = 0; i < batch; i++) fn();
  const rates = [];
  for (let s = 0; s < samples; s++) {
    let n = 0;
    const start = performance.now();
    const end = start + sampleMs;
    let now;
    do {
      for (let i = 0; i < batch; i++) fn();
      n += batch;
      now = performance.now();
    } while (now < end);
    rates.push(n / ((now - start) / 1000));
  }
  return median(rates);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const fmt = (n) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(1);

// Operations per second of several functions measured in turns: each round
// takes one sample of every function, so a slow spell of the machine (this
// is a shared VM) hits them all alike. Medians over the rounds.
export function interleavedOpsPerSecond(fns, { rounds = FAST ? 9 : 15, sampleMs = FAST ? 80 : 120, batch = 20, warmupMs = FAST ? 300 : 400 } = {}) {
  const names = Object.keys(fns);
  for (const name of names) {
    const warm = performance.now() + warmupMs;
    while (performance.now() < warm) for (let i = 0; i < batch; i++) fns[name]();
  }
  const rates = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 ? names : [...names].reverse()) {
      const fn = fns[name];
      let n = 0;
      const start = performance.now();
      let now;
      do {
        for (let i = 0; i < batch; i++) fn();
        n += batch;
        now = performance.now();
      } while (now - start < sampleMs);
      rates[name].push(n / ((now - start) / 1000));
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(rates[n])]));
}
