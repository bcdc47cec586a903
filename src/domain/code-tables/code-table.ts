// A vendor code table: translates a raw code into an enum value, keeping the raw code and
// the vendor's description. Unknown codes become UNKNOWN (and are reported), never an error.
import type { CodedValue } from "../models.js";
import { reportUnknownCode } from "../../observability/unknown-codes.js";

export interface CodeRow<TValue extends string> {
  readonly code: string;
  readonly value: TValue;
  readonly description: string;
}

/** A row's value: any enum value except UNKNOWN, which only translate() produces. */
export type KnownValue<TValue extends string> = Exclude<TValue, "UNKNOWN">;

export interface CodeTableOptions<TValue extends string> {
  /** Name used in logs and the unknown-code metric, e.g. "ingram.holdReason". */
  readonly name: string;
  readonly rows: readonly CodeRow<KnownValue<TValue>>[];
  /** Description given to a code the table does not list. */
  readonly unknownDescription: string;
  /** Match codes ignoring case (the raw text is still what `code` returns). */
  readonly caseInsensitive?: boolean;
  /** Numeric codes: match ignoring leading zeros ("01" is "1"; the raw text is still kept). */
  readonly numeric?: boolean;
}

/**
 * TValue is the full GraphQL enum (e.g. `HoldReason`, which contains "UNKNOWN"), so
 * `translate` gives callers `CodedValue<HoldReason>`.
 */
export class CodeTable<TValue extends string> {
  readonly name: string;
  readonly rows: readonly CodeRow<KnownValue<TValue>>[];
  readonly unknownDescription: string;
  private readonly caseInsensitive: boolean;
  private readonly numeric: boolean;
  private readonly byCode: ReadonlyMap<string, CodeRow<KnownValue<TValue>>>;

  constructor(options: CodeTableOptions<TValue>) {
    this.name = options.name;
    this.rows = options.rows;
    this.unknownDescription = options.unknownDescription;
    this.caseInsensitive = options.caseInsensitive ?? false;
    this.numeric = options.numeric ?? false;
    const byCode = new Map<string, CodeRow<KnownValue<TValue>>>();
    for (const row of options.rows) {
      const key = this.normalize(row.code);
      if (byCode.has(key)) throw new Error(`code table ${this.name}: duplicate code "${row.code}"`);
      byCode.set(key, row);
    }
    this.byCode = byCode;
  }

  /** Null for a missing code; UNKNOWN (with the raw code kept exactly) for an unlisted one. */
  translate(rawCode: string | null | undefined): (CodedValue<TValue | "UNKNOWN"> & { readonly code: string }) | null {
    if (rawCode === null || rawCode === undefined) return null;
    const row = this.byCode.get(this.normalize(rawCode));
    if (row === undefined) {
      reportUnknownCode(this.name, rawCode);
      return { value: "UNKNOWN", code: rawCode, description: this.unknownDescription };
    }
    return { value: row.value, code: rawCode, description: row.description };
  }

  has(code: string): boolean {
    return this.byCode.has(this.normalize(code));
  }

  private normalize(code: string): string {
    const trimmed = code.trim();
    if (this.numeric && /^[0-9]+$/.test(trimmed)) return trimmed.replace(/^0+(?=[0-9])/, "");
    return this.caseInsensitive ? trimmed.toUpperCase() : trimmed;
  }
}
