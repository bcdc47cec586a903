// Global setup: the tests of shared state run against a real redis-server. Where the machine
// lacks one, install it from the system's packages when that is possible (Debian, as root);
// otherwise stop with the one command that installs it.
import { execFileSync } from "node:child_process";

function has(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export default function ensureRedisServer(): void {
  if (has("redis-server")) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && has("apt-get")) {
    process.stdout.write("redis-server is missing: installing it with apt-get (Debian's redis-server package)\n");
    execFileSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server"], { stdio: "inherit" });
    if (has("redis-server")) return;
  }
  throw new Error("The tests of shared state need redis-server. Install it with: sudo apt-get install -y redis-server (or your system's redis package)");
}
