// Preloaded (node --require) into the processes the check bench spawns: on exit, writes the process's own resource
// usage (max RSS, CPU) to the file named by ERSCOPE_BENCH_USAGE, so the bench measures the CLI exactly as users run it.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.ERSCOPE_BENCH_USAGE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) }));
});
