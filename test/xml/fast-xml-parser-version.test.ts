import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

/** The installed package's version, read from its own package.json (not exported by the package). */
function installedVersion(name: string): string {
  const entry = createRequire(import.meta.url).resolve(name);
  let dir = dirname(entry);
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === name && typeof manifest.version === "string") return manifest.version;
    } catch {
      // not the package root yet
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json of ${name} not found`);
    dir = parent;
  }
}

function atLeast(version: string, floor: readonly [number, number, number]): boolean {
  const parts = version.split(/[.-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) {
    const have = parts[i] ?? 0;
    const need = floor[i] ?? 0;
    if (have !== need) return have > need;
  }
  return true;
}

describe("fast-xml-parser", () => {
  // 5.10.1 fixed multiple DOCTYPEs resetting the entity limits; earlier 5.x releases fixed
  // entity expansion bypasses (5.3.6, 5.5.6), limits of 0 (5.5.7) and a RangeError crash (5.3.4).
  it("is installed at 5.10.1 or later (the CVE floor of the hardened XML recipe)", () => {
    const version = installedVersion("fast-xml-parser");
    expect(atLeast(version, [5, 10, 1]), `fast-xml-parser ${version} is below the 5.10.1 floor`).toBe(true);
  });

  it("compares versions numerically, not as text", () => {
    expect(atLeast("5.12.1", [5, 10, 1])).toBe(true);
    expect(atLeast("5.10.1", [5, 10, 1])).toBe(true);
    expect(atLeast("5.9.9", [5, 10, 1])).toBe(false);
    expect(atLeast("4.99.0", [5, 10, 1])).toBe(false);
    expect(atLeast("6.0.0", [5, 10, 1])).toBe(true);
  });
});
