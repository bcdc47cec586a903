// The Decimal, Date and DateTime scalars (descriptions live in schema/scalars.graphql).
//
// Output (serialize): only an already-valid canonical value is sent, unchanged. Anything
// else — a JS number above all, which would mean a float slipped into the domain — is a bug
// on our side: INTERNAL_SERVER_ERROR, never a silently "fixed" value.
// Input (parseValue for variables, parseLiteral for inline values): strings only, validated
// and canonicalized; anything else is BAD_USER_INPUT with a message saying what is expected.
import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import type { ValueNode } from "graphql";
import { DecimalParseError, isDecimalString, parseDecimal } from "../domain/decimal.js";
import type { DecimalString } from "../domain/decimal.js";
import { DateParseError, isDateString, isDateTimeString, parseDate, parseDateTime } from "../domain/dates.js";

interface ScalarSpec<T extends string> {
  readonly name: string;
  /** An example of a valid value, for messages. */
  readonly example: string;
  /** Describes the expected text, for messages. */
  readonly expected: string;
  /** Describes the canonical form output must already have, for serialize messages. */
  readonly canonical: string;
  readonly isValid: (value: unknown) => value is T;
  /** Validates and canonicalizes input text; throws `parseError` when invalid. */
  readonly parse: (text: string) => T;
  readonly parseError: new (...args: never[]) => Error;
  /** Message when a number is given where a string is required. */
  readonly numberMessage: string;
}

const decimalSpec: ScalarSpec<DecimalString> = {
  name: "Decimal",
  example: "12.50",
  expected: 'a decimal string such as "12.50"',
  canonical: "a canonical DecimalString (a float must never reach the Decimal scalar)",
  isValid: isDecimalString,
  parse: (text) => parseDecimal(text),
  parseError: DecimalParseError,
  numberMessage: 'Decimal must be a string such as "12.50", got a number: exact decimals cannot travel as JSON numbers',
};

const dateSpec: ScalarSpec<string> = {
  name: "Date",
  example: "2024-04-27",
  expected: 'a calendar date YYYY-MM-DD such as "2024-04-27"',
  canonical: "a validated YYYY-MM-DD string",
  isValid: isDateString,
  parse: parseDate,
  parseError: DateParseError,
  numberMessage: 'Date must be a string YYYY-MM-DD such as "2024-04-27", got a number',
};

const dateTimeSpec: ScalarSpec<string> = {
  name: "DateTime",
  example: "2024-04-27T23:09:24.9322846-05:00",
  expected: 'an ISO-8601 date-time with an offset such as "2024-04-27T23:09:24-05:00"',
  canonical: "a validated ISO-8601 date-time string with an offset",
  isValid: isDateTimeString,
  parse: parseDateTime,
  parseError: DateParseError,
  numberMessage: 'DateTime must be an ISO-8601 string with an offset such as "2024-04-27T23:09:24-05:00", got a number',
};

export const DecimalScalar = makeScalar(decimalSpec);
export const DateScalar = makeScalar(dateSpec);
export const DateTimeScalar = makeScalar(dateTimeSpec);

/** Resolver map entries for the three custom scalars. */
export const scalarResolvers = {
  Decimal: DecimalScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
} as const;

function makeScalar<T extends string>(spec: ScalarSpec<T>): GraphQLScalarType<T, T> {
  const parseText = (text: string, node?: ValueNode): T => {
    try {
      return spec.parse(text);
    } catch (error) {
      if (!(error instanceof spec.parseError)) throw error;
      throw badInput(`${spec.name} cannot represent ${describe(text)}: expected ${spec.expected}`, node);
    }
  };

  return new GraphQLScalarType<T, T>({
    name: spec.name,
    serialize(value: unknown): T {
      if (spec.isValid(value)) return value;
      throw new GraphQLError(`${spec.name} cannot represent ${describe(value)}: expected ${spec.canonical}`, {
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
    },
    parseValue(value: unknown): T {
      if (typeof value === "string") return parseText(value);
      if (typeof value === "number") throw badInput(spec.numberMessage);
      throw badInput(`${spec.name} must be a string such as "${spec.example}", got ${describe(value)}`);
    },
    parseLiteral(node: ValueNode): T {
      if (node.kind === Kind.STRING) return parseText(node.value, node);
      if (node.kind === Kind.INT || node.kind === Kind.FLOAT) throw badInput(spec.numberMessage, node);
      throw badInput(`${spec.name} must be a string such as "${spec.example}", got ${literalKind(node)}`, node);
    },
  });
}

function badInput(message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, {
    ...(node === undefined ? {} : { nodes: node }),
    extensions: { code: "BAD_USER_INPUT" },
  });
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number") return `a number (${String(value)})`;
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

function literalKind(node: ValueNode): string {
  switch (node.kind) {
    case Kind.BOOLEAN:
      return "a boolean";
    case Kind.NULL:
      return "null";
    case Kind.ENUM:
      return `an enum value (${node.value})`;
    case Kind.LIST:
      return "a list";
    case Kind.OBJECT:
      return "an object";
    default:
      return node.kind;
  }
}
