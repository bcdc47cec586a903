// Query limits, checked before any resolver runs: a hostile or careless query is rejected
// with HTTP 400 and a clear message, and no upstream call is made. graphql-armor's rules
// cover depth, aliases, directives and cost; graphql-js's own parser counts tokens (armor's
// token plugin answers 500 under Apollo); a plugin checks what validation cannot see because
// it arrives in variables: the size of `_entities` representations and of list arguments.
import type { ApolloServerPlugin } from "@apollo/server";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNullableType,
  isListType,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from "graphql";

export interface QueryLimits {
  /** Field nesting; router `_entities` plans of this schema stay well below it. */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  /** Representations in one `_entities` call. */
  readonly maxRepresentations: number;
  /** Entries in any list argument (purchase orders, ids, providers). */
  readonly maxListArgument: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 2_000,
  maxCost: 5_000,
  maxRepresentations: 500,
  maxListArgument: 100,
};

/**
 * armor throws its rejection out of the validation pass by default, which Apollo answers
 * with HTTP 500; reporting it on the validation context makes it an ordinary validation
 * error (HTTP 400, GRAPHQL_VALIDATION_FAILED). armor also prefixes "Syntax Error:", which
 * these are not.
 */
const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, "")))],
};

export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  // Limits are stated in the messages: frontend developers need to know what to change,
  // and the README documents the same numbers.
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, exposeLimits: true, ...reportAsValidationError }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...reportAsValidationError }),
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true, ...reportAsValidationError }),
    costLimitRule({ maxCost: limits.maxCost, exposeLimits: true, ...reportAsValidationError }),
  ] as ValidationRule[];
}

export function limitParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

function rejection(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
}

/** The length of a list argument, whether written inline or passed as a variable. */
function listLength(value: ValueNode, variables: Readonly<Record<string, unknown>>): number | null {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const bound = variables[value.name.value];
    return Array.isArray(bound) ? bound.length : null;
  }
  return null;
}

/** Rejects oversized list arguments (and `_entities` representations) with a 400. */
export function listLimitsPlugin<TContext extends object>(limits: QueryLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request }) {
          const variables = request.variables ?? {};
          const typeInfo = new TypeInfo(schema);
          let problem: GraphQLError | null = null;
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              Argument(node: ArgumentNode) {
                if (problem) return;
                const argument = typeInfo.getArgument();
                const field = typeInfo.getFieldDef();
                if (!argument || !field || !isListType(getNullableType(argument.type))) return;
                const length = listLength(node.value, variables);
                if (length === null) return;
                const isRepresentations = field.name === "_entities" && argument.name === "representations";
                const max = isRepresentations ? limits.maxRepresentations : limits.maxListArgument;
                if (length > max) {
                  problem = rejection(`${field.name}(${argument.name}:) accepts at most ${max} entries, got ${length}`);
                }
              },
            }),
          );
          if (problem) throw problem;
        },
      };
    },
  };
}
