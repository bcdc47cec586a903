// The `_entities` form as a router really sends it: a real @apollo/gateway composing the
// orders subgraph of the federation tests with the subgraph under test, asked for purchase
// orders and their invoices. The operation it sends to this subgraph is kept and reused.
import { startGateway, startOrdersSubgraph } from "../../test/helpers/federation.js";
import { FALLBACK_ENTITIES_QUERY, GATEWAY_QUERY, QUERY_PURCHASE_ORDERS } from "../lib/data.js";

export interface GatewayCapture {
  readonly query: string;
  readonly captured: boolean;
  readonly invoicesThroughGateway: number;
  readonly errorsThroughGateway: number;
}

export async function captureEntitiesQuery(subgraphUrl: string): Promise<GatewayCapture> {
  const orders = await startOrdersSubgraph();
  let query: string | null = null;
  try {
    const gateway = await startGateway(orders.url, subgraphUrl, (text) => {
      if (text.includes("_entities")) query ??= text;
    });
    try {
      const response = await gateway.executeOperation({ query: GATEWAY_QUERY, variables: { numbers: [...QUERY_PURCHASE_ORDERS] } });
      const result = response.body.kind === "single" ? response.body.singleResult : null;
      const data = result?.data as { purchaseOrders?: Array<{ invoices?: unknown[] }> } | undefined;
      return {
        query: query ?? FALLBACK_ENTITIES_QUERY,
        captured: query !== null,
        invoicesThroughGateway: (data?.purchaseOrders ?? []).reduce((n, po) => n + (po.invoices?.length ?? 0), 0),
        errorsThroughGateway: result?.errors?.length ?? 0,
      };
    } finally {
      await gateway.stop();
    }
  } finally {
    await orders.close();
  }
}
