// Secrets are kept out of logs at the source (no headers, bodies or query strings are
// logged), and every log line is scrubbed once more on its way out: configured credential
// values in every form they can take (raw, URL-encoded, JSON-escaped, inside a Basic
// header), and credential-shaped patterns (`client_secret=…`, `<Password>…</Password>`,
// `Authorization: Bearer …`) whatever their value.
const REDACTED = "[redacted]";

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/((?:client_secret|password|passwd|secret|token|access_token|api[_-]?key|apikey)"?\s*[=:]\s*)("?)[^&\s",;<]+/gi, `$1$2${REDACTED}`],
  [/(<\s*(?:Password|UserID|ClientSecret)\s*>)[^<]*(<\s*\/)/gi, `$1${REDACTED}$2`],
  [/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{6,}/g, `$1 ${REDACTED}`],
];

const secrets = new Set<string>();
let secretPattern: RegExp | null = null;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every way a credential value can appear in a log line. */
function formsOf(value: string): string[] {
  return [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1), new URLSearchParams({ v: value }).toString().slice(2)];
}

/**
 * Registers credential values to scrub from every log line. Basic-auth pairs are given as
 * `user:password` so their base64 form is scrubbed too.
 */
export function registerSecrets(values: Iterable<string>, basicPairs: Iterable<string> = []): void {
  for (const value of values) if (value.length >= 4) for (const form of formsOf(value)) secrets.add(form);
  for (const pair of basicPairs) secrets.add(Buffer.from(pair, "utf8").toString("base64"));
  const sorted = [...secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
  secretPattern = sorted.length > 0 ? new RegExp(sorted.join("|"), "g") : null;
}

export function scrub(text: string): string {
  let out = secretPattern ? text.replace(secretPattern, REDACTED) : text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Forgets registered secrets (tests). */
export function clearSecrets(): void {
  secrets.clear();
  secretPattern = null;
}
