// Argument checks that run before any upstream call. Each rejection is a BAD_USER_INPUT
// error stating the rule and what was received.
import { GraphQLError } from "graphql";

export const MAX_LIST_ARGUMENT = 100;
export const MAX_PAGE_SIZE = 100;

function badInput(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argumentName } });
}

/** A list of identifiers: 1 to 100 non-blank entries of at most 128 characters. */
export function checkIdentifierList(name: string, values: readonly string[]): void {
  if (values.length === 0) throw badInput(`${name} must contain at least one value`, name);
  if (values.length > MAX_LIST_ARGUMENT) {
    throw badInput(`${name} accepts at most ${MAX_LIST_ARGUMENT} values, got ${values.length}`, name);
  }
  values.forEach((value, index) => checkIdentifier(`${name}[${index}]`, value));
}

export function checkIdentifier(name: string, value: string): void {
  if (value.trim() === "") throw badInput(`${name} must not be blank`, name);
  if (value.length > 128) throw badInput(`${name} must be at most 128 characters, got ${value.length}`, name);
}

export function checkPageSize(name: string, value: number): void {
  if (value < 1 || value > MAX_PAGE_SIZE) throw badInput(`${name} must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`, name);
}

export function invalidCursor(name: string): GraphQLError {
  return badInput(`${name} is not a cursor this subgraph issued`, name);
}
