import type { Resolvers } from "../__generated__/resolvers-types.js";
import { scalarResolvers } from "../graphql/scalars.js";
import { Invoice } from "./Invoice.js";
import { Mutation } from "./Mutation.js";
import { PurchaseOrder } from "./PurchaseOrder.js";
import { Query } from "./Query.js";
import { ReasonCode } from "./ReasonCode.js";

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  Invoice,
  PurchaseOrder,
  ReasonCode,
};
