import type { ReasonCodeResolvers } from "../__generated__/resolvers-types.js";

export const ReasonCode: ReasonCodeResolvers = {
  __resolveType: (reasonCode) => (reasonCode.kind === "HOLD" ? "HoldReasonCode" : "CreditMemoReasonCode"),
};
