import { readdirSync, readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, type DocumentNode, type GraphQLSchema } from "graphql";
import { resolvers } from "../resolvers/index.js";

// schema/ sits beside src/ and dist/, so this path works from sources and from the build.
const SCHEMA_DIR = new URL("../../schema/", import.meta.url);

export function loadTypeDefs(): DocumentNode {
  const files = readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith(".graphql"))
    .sort();
  return parse(files.map((name) => readFileSync(new URL(name, SCHEMA_DIR), "utf8")).join("\n"));
}

type SchemaModule = Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number];
type ResolverMap = Exclude<Extract<SchemaModule, { resolvers?: unknown }>["resolvers"], undefined>;

export function buildSchema(): GraphQLSchema {
  // The generated Resolvers type is stricter than @apollo/subgraph's loose resolver map;
  // the cast only widens it (the shapes are checked by codegen's types at each resolver).
  return buildSubgraphSchema([{ typeDefs: loadTypeDefs(), resolvers: resolvers as unknown as ResolverMap }]);
}
