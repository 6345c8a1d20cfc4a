/** Runs `concurrency` request loops for `seconds` and reports throughput and latency percentiles. */
export async function measure(options: { url: string; body: string; headers: Record<string, string>; concurrency: number; seconds: number; check?: (body: string) => boolean }) {
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const response = await fetch(options.url, { method: "POST", headers: { "content-type": "application/json", ...options.headers }, body: options.body });
      const text = await response.text();
      if (!response.ok || (options.check && !options.check(text))) failures++;
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { requests: latencies.length, failures, throughput: latencies.length / elapsed, p50: pct(50), p95: pct(95) };
}
