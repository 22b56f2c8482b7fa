// Loaded into a benchmarked secdoc process with `node --import`: on exit it writes the process's
// peak memory (all threads), CPU time and main-thread GC pauses to $SECDOC_BENCH_STATS.
import { writeFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

let gcMs = 0;
let gcCount = 0;
const count = (entries) => {
  for (const entry of entries) {
    gcMs += entry.duration;
    gcCount++;
  }
};
const observer = new PerformanceObserver((list) => count(list.getEntries()));
observer.observe({ entryTypes: ['gc'] });

process.on('exit', () => {
  // Pauses not yet delivered to the callback.
  count(observer.takeRecords());
  const usage = process.resourceUsage();
  const stats = { maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, gcMs, gcCount };
  if (process.env.SECDOC_BENCH_STATS) writeFileSync(process.env.SECDOC_BENCH_STATS, JSON.stringify(stats));
});
