// Runs the npm converters over bench's commentary corpus: node convert.mjs DIR NODE_MODULES
// Each converter: warm-up passes for at least two seconds (at least one pass), then the median of five timed passes
// (as validate-converters times DigestBot),
// in wall time and in this process's CPU time (which other processes on a shared machine disturb less);
// writes DIR/converter-NAME.json with its version, docs/s and every output for validate-converters to check.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const WARM_UP_SECONDS = 2;
const [dir, modules] = process.argv.slice(2);
const corpus = JSON.parse(readFileSync(join(dir, "corpus.json"), "utf8"));
const require = createRequire(join(modules, "noop.js"));
const version = (name) => JSON.parse(readFileSync(join(modules, name.replace(/-keep$/, ""), "package.json"), "utf8")).version;
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);

const telegramify = (await load("telegramify-markdown")).default;
const slackify = (await load("slackify-markdown")).default;
const { markdownToSlack } = await load("md-to-slack");

const converters = [
  // "escape": unsupported syntax is escaped rather than kept, the setting that should give Telegram-safe text.
  { name: "telegramify-markdown", platform: "telegram", convert: (md) => telegramify(md, "escape") },
  // Its default ("keep"): what a caller gets with telegramify(markdown).
  { name: "telegramify-markdown-keep", platform: "telegram", convert: (md) => telegramify(md) },
  { name: "slackify-markdown", platform: "slack", convert: (md) => slackify(md) },
  { name: "md-to-slack", platform: "slack", convert: (md) => markdownToSlack(md) },
];

for (const converter of converters) {
  const outputs = corpus.map(converter.convert);
  const warmUpStart = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - warmUpStart) / 1e9 < WARM_UP_SECONDS) corpus.forEach(converter.convert);
  const times = [];
  const cpuTimes = [];
  for (let pass = 0; pass < 5; pass++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    let length = 0;
    for (const document of corpus) length += converter.convert(document).length;
    const cpu = process.cpuUsage(cpuStart);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    cpuTimes.push((cpu.user + cpu.system) / 1e6);
    if (length === 0) throw new Error("no output");
  }
  const median = (values) => values.sort((a, b) => a - b)[2];
  const docsPerSecond = corpus.length / median(times);
  const docsPerCpuSecond = corpus.length / median(cpuTimes);
  writeFileSync(
    join(dir, `converter-${converter.name}.json`),
    JSON.stringify({ name: converter.name, platform: converter.platform, version: version(converter.name), docsPerSecond, docsPerCpuSecond, outputs }),
  );
  console.log(`${converter.name} ${version(converter.name)}: ${Math.round(docsPerSecond)} docs/s, ${Math.round(docsPerCpuSecond)} per CPU second`);
}
