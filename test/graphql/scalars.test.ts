import { readFileSync } from "node:fs";
import {
  GraphQLError,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  Kind,
  graphql,
  parse,
} from "graphql";
import type { ExecutionResult, GraphQLFieldConfig, GraphQLScalarType } from "graphql";
import { describe, expect, it } from "vitest";
import { DateScalar, DateTimeScalar, DecimalScalar, scalarResolvers } from "../../src/graphql/scalars.js";

// A tiny schema: echo fields that return their argument, and fields whose resolvers return
// values the scalars must refuse to serialize.
const received: unknown[] = [];

type EchoType = GraphQLScalarType<string, string> | GraphQLList<GraphQLNonNull<GraphQLScalarType<string, string>>>;

function echo(type: EchoType): GraphQLFieldConfig<unknown, unknown> {
  return {
    type,
    args: { v: { type: new GraphQLNonNull(type) } },
    resolve: (_source, args: { v?: unknown }) => {
      received.push(args.v);
      return args.v;
    },
  };
}

const returning = (type: GraphQLFieldConfig<unknown, unknown>["type"], value: unknown): GraphQLFieldConfig<unknown, unknown> => ({
  type,
  resolve: () => value,
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      decimal: echo(DecimalScalar),
      decimals: echo(new GraphQLList(new GraphQLNonNull(DecimalScalar))),
      date: echo(DateScalar),
      dateTime: echo(DateTimeScalar),
      floatAmount: returning(DecimalScalar, 12.5),
      integerAmount: returning(DecimalScalar, 12),
      groupedAmount: returning(DecimalScalar, "1,234.50"),
      exponentAmount: returning(DecimalScalar, "1e-7"),
      goodAmount: returning(DecimalScalar, "5400.00"),
      impossibleDate: returning(DateScalar, "2023-02-29"),
      jsDate: returning(DateScalar, new Date("2024-04-27T00:00:00Z")),
      naiveDateTime: returning(DateTimeScalar, "2024-04-27T23:09:24"),
      stullerDateTime: returning(DateTimeScalar, "2024-04-27T23:09:24.9322846-05:00"),
    },
  }),
});

async function run(source: string, variableValues?: Record<string, unknown>): Promise<ExecutionResult> {
  received.length = 0;
  return graphql({ schema, source, variableValues });
}

function onlyError(result: ExecutionResult): GraphQLError {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors ?? [];
  if (error === undefined) throw new Error("expected an error");
  return error;
}

describe("Decimal input", () => {
  it.each([
    ["5400.00", "5400.00"],
    ["10.10", "10.10"],
    ["-12.5", "-12.5"],
    ["007.50", "7.50"],
    ["+3", "3"],
    ["1e-7", "0.0000001"],
    ["12345678901234.56", "12345678901234.56"],
  ])("takes the variable %j and gives the resolver and the response %j", async (input, expected) => {
    const result = await run("query($v: Decimal!) { decimal(v: $v) }", { v: input });
    expect(result).toEqual({ data: { decimal: expected } });
    expect(received).toEqual([expected]);
  });

  it.each([
    ['"5400.00"', "5400.00"],
    ['"10.10"', "10.10"],
    ['"1E+3"', "1000"],
  ])("takes the inline literal %s and returns %j as a string", async (literal, expected) => {
    const result = await run(`{ decimal(v: ${literal}) }`);
    expect(result).toEqual({ data: { decimal: expected } });
  });

  it("takes a list of decimals as variables", async () => {
    const result = await run("query($v: [Decimal!]!) { decimals(v: $v) }", { v: ["0.10", "19.99"] });
    expect(result).toEqual({ data: { decimals: ["0.10", "19.99"] } });
  });

  it.each([12.5, 12, 0])("rejects the JSON number %j in a variable, explaining why", async (input) => {
    const error = onlyError(await run("query($v: Decimal!) { decimal(v: $v) }", { v: input }));
    expect(error.extensions["code"]).toBe("BAD_USER_INPUT");
    expect(error.message).toContain(
      'Decimal must be a string such as "12.50", got a number: exact decimals cannot travel as JSON numbers',
    );
    expect(received).toEqual([]);
  });

  it.each(["12.5", "12"])("rejects the number literal %s, explaining why", async (literal) => {
    const result = await run(`{ decimal(v: ${literal}) }`);
    const error = onlyError(result);
    expect(result.data).toBeUndefined();
    expect(error.extensions["code"]).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(
      'Decimal must be a string such as "12.50", got a number: exact decimals cannot travel as JSON numbers',
    );
    expect(error.locations).toEqual([{ line: 1, column: 14 }]);
  });

  it.each(["abc", "1,234.50", "NaN", "Infinity", "1.2.3", "", "0x1F", "1 000"])(
    "rejects the invalid string variable %j as BAD_USER_INPUT",
    async (input) => {
      const error = onlyError(await run("query($v: Decimal!) { decimal(v: $v) }", { v: input }));
      expect(error.extensions["code"]).toBe("BAD_USER_INPUT");
      expect(error.message).toContain(`Decimal cannot represent ${JSON.stringify(input)}: expected a decimal string such as "12.50"`);
    },
  );

  it.each(['"12abc"', '"1,234.50"'])("rejects the invalid string literal %s as BAD_USER_INPUT", async (literal) => {
    const error = onlyError(await run(`{ decimal(v: ${literal}) }`));
    expect(error.extensions["code"]).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(`Decimal cannot represent ${literal}: expected a decimal string such as "12.50"`);
  });

  it.each([
    ["a boolean", true, "got a boolean"],
    ["an object", { amount: "1.00" }, "got an object"],
  ])("rejects %s in a variable", async (_label, input, expected) => {
    const error = onlyError(await run("query($v: Decimal!) { decimal(v: $v) }", { v: input }));
    expect(error.extensions["code"]).toBe("BAD_USER_INPUT");
    expect(error.message).toContain(`Decimal must be a string such as "12.50", ${expected}`);
  });

  it.each([
    ["true", "got a boolean"],
    ["ONE", "got an enum value (ONE)"],
    ['["1.00"]', "got a list"],
    ['{ a: "1.00" }', "got an object"],
  ])("rejects the literal %s", async (literal, expected) => {
    const error = onlyError(await run(`{ decimal(v: ${literal}) }`));
    expect(error.extensions["code"]).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(`Decimal must be a string such as "12.50", ${expected}`);
  });

  it("rejects one bad element of a list variable", async () => {
    const error = onlyError(await run("query($v: [Decimal!]!) { decimals(v: $v) }", { v: ["1.00", 2.5] }));
    expect(error.extensions["code"]).toBe("BAD_USER_INPUT");
    expect(error.message).toContain('at "v[1]"');
  });
});

describe("Decimal output", () => {
  it("serializes a canonical DecimalString unchanged, as a string", async () => {
    expect(await run("{ goodAmount }")).toEqual({ data: { goodAmount: "5400.00" } });
  });

  it.each([
    ["floatAmount", "a number (12.5)"],
    ["integerAmount", "a number (12)"],
    ["groupedAmount", '"1,234.50"'],
    ["exponentAmount", '"1e-7"'],
  ])("refuses to serialize %s and reports an internal error instead", async (field, shown) => {
    const result = await run(`{ ${field} }`);
    expect(result.data).toEqual({ [field]: null });
    const error = onlyError(result);
    expect(error.message).toMatch(new RegExp(`^Decimal cannot represent ${escapeRegExp(shown)}`));
    expect(error.extensions["code"]).toBe("INTERNAL_SERVER_ERROR");
    expect(error.path).toEqual([field]);
  });
});

describe("Date and DateTime", () => {
  it.each([
    ["query($v: Date!) { date(v: $v) }", "2024-02-29", { date: "2024-02-29" }],
    ["query($v: DateTime!) { dateTime(v: $v) }", "2024-04-27T23:09:24.9322846-05:00", { dateTime: "2024-04-27T23:09:24.9322846-05:00" }],
    ["query($v: DateTime!) { dateTime(v: $v) }", "2022-05-10T15:24:56Z", { dateTime: "2022-05-10T15:24:56Z" }],
  ])("round-trips valid variables unchanged: %s with %j", async (source, input, data) => {
    expect(await run(source, { v: input })).toEqual({ data });
  });

  it("round-trips valid literals unchanged", async () => {
    const result = await run('{ date(v: "2024-04-27") dateTime(v: "2024-04-27T23:09:24.9322846-05:00") }');
    expect(result).toEqual({ data: { date: "2024-04-27", dateTime: "2024-04-27T23:09:24.9322846-05:00" } });
  });

  it.each([
    ["query($v: Date!) { date(v: $v) }", "2023-02-29", 'Date cannot represent "2023-02-29": expected a calendar date YYYY-MM-DD'],
    ["query($v: Date!) { date(v: $v) }", 20240427, 'Date must be a string YYYY-MM-DD such as "2024-04-27", got a number'],
    [
      "query($v: DateTime!) { dateTime(v: $v) }",
      "2024-04-27T23:09:24",
      'DateTime cannot represent "2024-04-27T23:09:24": expected an ISO-8601 date-time with an offset',
    ],
    ["query($v: DateTime!) { dateTime(v: $v) }", 1714277364932, "DateTime must be an ISO-8601 string with an offset"],
  ])("rejects invalid variables as BAD_USER_INPUT: %s with %j", async (source, input, message) => {
    const error = onlyError(await run(source, { v: input }));
    expect(error.extensions["code"]).toBe("BAD_USER_INPUT");
    expect(error.message).toContain(message);
  });

  it.each([
    ['{ date(v: "2024-13-01") }', 'Date cannot represent "2024-13-01"'],
    ["{ date(v: 20240427) }", "Date must be a string YYYY-MM-DD"],
    ['{ dateTime(v: "2024-04-27") }', 'DateTime cannot represent "2024-04-27"'],
  ])("rejects the invalid literal in %s as BAD_USER_INPUT", async (source, message) => {
    const error = onlyError(await run(source));
    expect(error.extensions["code"]).toBe("BAD_USER_INPUT");
    expect(error.message).toContain(message);
  });

  it.each([
    ["impossibleDate", "Date cannot represent"],
    ["jsDate", "Date cannot represent an object"],
    ["naiveDateTime", "DateTime cannot represent"],
  ])("refuses to serialize %s", async (field, message) => {
    const result = await run(`{ ${field} }`);
    const error = onlyError(result);
    expect(result.data).toEqual({ [field]: null });
    expect(error.message).toContain(message);
    expect(error.extensions["code"]).toBe("INTERNAL_SERVER_ERROR");
  });

  it("serializes a valid provider date-time with its own offset", async () => {
    expect(await run("{ stullerDateTime }")).toEqual({ data: { stullerDateTime: "2024-04-27T23:09:24.9322846-05:00" } });
  });
});

describe("scalarResolvers", () => {
  it("covers exactly the scalars declared in schema/scalars.graphql, by name", () => {
    const sdl = parse(readFileSync(new URL("../../schema/scalars.graphql", import.meta.url), "utf8"));
    const declared = sdl.definitions.flatMap((definition) =>
      definition.kind === Kind.SCALAR_TYPE_DEFINITION ? [definition.name.value] : [],
    );
    expect(Object.keys(scalarResolvers).sort()).toEqual([...declared].sort());
    for (const [name, scalar] of Object.entries(scalarResolvers)) expect(scalar.name).toBe(name);
  });

  it("fits a resolver map that expects plain GraphQLScalarType values", () => {
    // Type-level check: the generated Resolvers type declares `Decimal?: GraphQLScalarType`.
    const map: Record<"Decimal" | "Date" | "DateTime", GraphQLScalarType> = scalarResolvers;
    expect(map.Decimal).toBe(DecimalScalar);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
