import type { PurchaseOrderResolvers } from "../__generated__/resolvers-types.js";
import { lookupPurchaseOrders } from "../services/invoice-lookup.js";
import { reportFailures } from "./provider-errors.js";

export const PurchaseOrder: PurchaseOrderResolvers = {
  // The orders subgraph owns purchase orders; this subgraph trusts the key it is given.
  __resolveReference: (reference) => ({ number: reference.number }),
  async invoices(purchaseOrder, { providers }, context, info) {
    const lookup = await lookupPurchaseOrders(context, [purchaseOrder.number], providers);
    reportFailures(context, info, lookup.failures);
    return [...lookup.invoices];
  },
  invoiceLookup: (purchaseOrder, { providers }, context) => lookupPurchaseOrders(context, [purchaseOrder.number], providers),
};
