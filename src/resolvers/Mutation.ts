import type { MutationResolvers } from "../__generated__/resolvers-types.js";
import { acknowledgeInvoices } from "../services/acknowledgement.js";
import { checkIdentifierList } from "./arguments.js";

export const Mutation: MutationResolvers = {
  acknowledgeInvoices(_root, { ids }, context) {
    checkIdentifierList("ids", ids);
    return acknowledgeInvoices(context, ids);
  },
};
