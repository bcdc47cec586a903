import type { CodegenConfig } from "@graphql-codegen/cli";

// SDL in schema/ is the source of truth. The generated resolver types point every GraphQL
// object type at its domain model (the mappers table), so resolvers receive InvoiceModel,
// LineModel, ... and only fields that differ from the model need a resolver.
const config: CodegenConfig = {
  schema: "schema/*.graphql",
  generates: {
    "src/__generated__/resolvers-types.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        federation: true,
        useIndexSignature: false,
        enumsAsTypes: true,
        useTypeImports: true,
        immutableTypes: false,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        contextType: "../context.js#Context",
        scalars: {
          Decimal: { input: "string", output: "string" },
          Date: { input: "string", output: "string" },
          DateTime: { input: "string", output: "string" },
        },
        mapperTypeSuffix: "Model",
        mappers: {
          Invoice: "../domain/models.js#InvoiceModel",
          Line: "../domain/models.js#LineModel",
          Address: "../domain/models.js#AddressModel",
          Money: "../domain/models.js#MoneyModel",
          Charge: "../domain/models.js#ChargeModel",
          PaymentTerms: "../domain/models.js#PaymentTermsModel",
          Carrier: "../domain/models.js#CarrierModel",
          SerialNumber: "../domain/models.js#SerialNumberModel",
          InvoiceAcceptance: "../domain/models.js#InvoiceAcceptanceModel",
          HoldReasonCode: "../domain/models.js#HoldReasonCodeModel",
          CreditMemoReasonCode: "../domain/models.js#CreditMemoReasonCodeModel",
          PurchaseOrder: "../domain/models.js#PurchaseOrderModel",
          InvoiceLookup: "../domain/models.js#InvoiceLookupModel",
          ProviderFailure: "../domain/models.js#ProviderFailureModel",
          InvoiceConnection: "../domain/models.js#InvoiceConnectionModel",
          InvoiceSearchResult: "../search/models.js#InvoiceSearchResultModel",
          SearchNotice: "../search/models.js#SearchNoticeModel",
        },
      },
    },
  },
};

export default config;
