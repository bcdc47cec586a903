// `npm run schema:publish`: writes the current published SDL to the baseline, after printing
// what changes against the previous baseline, breaking ones first, so whoever refreshes it
// sees what they are accepting (and the reviewer sees it in the baseline's diff).
import { mkdir, writeFile } from "node:fs/promises";
import { BASELINE_PATH, BASELINE_URL, compareSchemas, currentPublishedSdl, describeChanges, readBaseline } from "./published-schema.js";

const current = currentPublishedSdl();
const previous = await readBaseline().catch((error: unknown) => {
  if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
  throw error;
});

if (previous === current) {
  console.log(`${BASELINE_PATH} is up to date.`);
} else {
  if (previous !== null) {
    const comparison = await compareSchemas(previous, current);
    console.log(describeChanges(comparison));
    if (comparison.breaking.length > 0) console.log(`\nThe new baseline accepts ${comparison.breaking.length} BREAKING change(s): make sure clients were told.`);
  }
  await mkdir(new URL(".", BASELINE_URL), { recursive: true });
  await writeFile(BASELINE_URL, current);
  console.log(`Wrote ${BASELINE_PATH}.`);
}
