// The keys a zod schema reads, as dotted paths ("billto.name1", "lines.serialnumberdetails.serialnumber"):
// what the field-coverage test compares with docs/field-coverage.md. Arrays are transparent
// (an array of objects contributes its items' keys), and wrappers (optional, nullable,
// preprocess/transform pipes, unions) are looked through. Walks zod 4's public `_zod.def`.
import type { z } from "zod";

interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly element?: z.ZodType;
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

export function schemaKeys(schema: z.ZodType): string[] {
  const paths = new Set<string>();
  const walk = (node: z.ZodType, prefix: string, depth: number): void => {
    if (depth > 16) throw new Error(`schema nested deeper than 16 at ${prefix}`);
    const def = (node as unknown as { _zod: { def: Def } })._zod.def;
    if (def.type === "object") {
      for (const [key, value] of Object.entries(def.shape ?? {})) {
        const path = prefix === "" ? key : `${prefix}.${key}`;
        paths.add(path);
        walk(value, path, depth + 1);
      }
    } else if (WRAPPERS.has(def.type) && def.innerType !== undefined) walk(def.innerType, prefix, depth + 1);
    else if (def.type === "pipe") {
      if (def.in !== undefined) walk(def.in, prefix, depth + 1);
      if (def.out !== undefined) walk(def.out, prefix, depth + 1);
    } else if (def.type === "union") for (const option of def.options ?? []) walk(option, prefix, depth + 1);
    else if (def.type === "array" && def.element !== undefined) walk(def.element, prefix, depth + 1);
  };
  walk(schema, "", 0);
  return [...paths];
}
