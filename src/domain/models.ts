// Normalized domain models: what every provider's normalize step produces and what the
// resolvers read. They are the codegen mapper targets, so a GraphQL field needs a resolver
// only where the model differs from the type. Provider DTOs never leave providers/<name>/.
import type {
  ChargeKind,
  CreditMemoReason,
  DocumentType,
  HoldReason,
  InvoiceAcceptanceState,
  InvoiceStatus,
  LookupNoticeCode,
  Metal,
  OrderStatus,
  PaymentTermsType,
  Provider,
  ProviderFailureCode,
} from "../__generated__/resolvers-types.js";
import type { DecimalString } from "./decimal.js";

export type { Provider };

/** A calendar date `YYYY-MM-DD` (validated by the Date scalar on output). */
export type DateString = string;
/** An ISO-8601 instant with offset (validated by the DateTime scalar on output). */
export type DateTimeString = string;

export interface MoneyModel {
  readonly amount: DecimalString;
  readonly currency: string;
}

export interface AttributeModel {
  readonly name: string;
  readonly value: string | null;
}

export interface SerialNumberModel {
  readonly value: string;
  /** The delivery the unit shipped in, where the provider names it (Ingram Micro). */
  readonly deliveryNumber?: string | null;
}

export interface AddressModel {
  readonly name: string | null;
  readonly attention: string | null;
  readonly lines: readonly string[];
  readonly city: string | null;
  readonly region: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly accountNumber: string | null;
  readonly alternatePhone: string | null;
  readonly fax: string | null;
  readonly taxId: string | null;
  readonly addressType: string | null;
}

export interface ChargeModel {
  readonly kind: ChargeKind;
  readonly code: string | null;
  readonly description: string | null;
  readonly amount: MoneyModel;
}

export interface PaymentTermsModel {
  readonly type: PaymentTermsType | null;
  readonly typeCode: string | null;
  readonly description: string | null;
  readonly netDays: number | null;
  readonly dueDate: DateString | null;
  readonly discountPercent: DecimalString | null;
  readonly discountDays: number | null;
  readonly discountDueDate: DateString | null;
}

export interface CarrierModel {
  readonly code: string | null;
  readonly name: string | null;
  readonly serviceCode: string | null;
  readonly serviceName: string | null;
  readonly accountNumber: string | null;
  readonly trackingUrl: string | null;
}

/**
 * A translated code: the enum value, the raw code and the vendor's description. `code` is null
 * only where the value was read from something other than a code (Stuller's status from
 * `TotalDue` when Stuller sent no `Status`): a raw code is never invented.
 */
export interface CodedValue<TValue extends string> {
  readonly value: TValue;
  readonly code: string | null;
  readonly description: string;
}

/** fabric's invoice acceptance: the retailer's decision on an invoice. */
export interface InvoiceAcceptanceModel {
  readonly state: InvoiceAcceptanceState;
  /** The raw status text, when the provider sent one. */
  readonly stateCode: string | null;
  readonly reason: string | null;
  readonly decidedAt: DateTimeString | null;
}

export interface HoldReasonCodeModel {
  readonly kind: "HOLD";
  readonly code: string;
  readonly description: string;
  readonly reason: HoldReason;
}

export interface CreditMemoReasonCodeModel {
  readonly kind: "CREDIT_MEMO";
  readonly code: string;
  readonly description: string;
  readonly reason: CreditMemoReason;
}

export type ReasonCodeModel = HoldReasonCodeModel | CreditMemoReasonCodeModel;

export interface DiscrepancyModel {
  readonly lineNumber: string | null;
  readonly field: string;
  readonly expected: DecimalString;
  readonly actual: DecimalString;
  readonly message: string;
}

export interface MetalMarketRateModel {
  readonly metal: Metal;
  readonly rate: DecimalString | null;
  readonly base: DecimalString | null;
  readonly adder: string | null;
}

export interface BrandModel {
  readonly id: string;
  readonly name: string | null;
  readonly code?: string | null;
}

export interface LineModel {
  readonly number: string | null;
  readonly customerLineNumber: string | null;
  readonly partNumber: string | null;
  readonly manufacturerPartNumber: string | null;
  readonly sku: string | null;
  readonly upc: string | null;
  readonly description: string | null;
  readonly quantityOrdered: DecimalString | null;
  readonly quantityShipped: DecimalString | null;
  readonly quantityBackordered: DecimalString | null;
  readonly backorderEta: DateString | null;
  readonly unitPrice: MoneyModel | null;
  readonly extendedPrice: MoneyModel | null;
  readonly unitOfMeasure: string | null;
  readonly warehouse: string | null;
  readonly serialNumbers: readonly SerialNumberModel[];
  readonly trackingNumbers: readonly string[];
  readonly notes: string | null;
  readonly attributes: readonly AttributeModel[];
  readonly specialBidNumber: string | null;
}

export interface InvoiceModel {
  /** Opaque id: see domain/ids.ts. */
  readonly id: string;
  readonly provider: Provider;
  /** The provider-native key the id encodes (the invoice number, or fabric's numeric id). */
  readonly ref: string;
  readonly number: string;
  readonly purchaseOrderNumber: string | null;
  readonly orderNumber: string | null;
  readonly endUserOrderNumber: string | null;
  readonly referenceNumber: string | null;
  /** What a credit memo, RMA or rebill refers to, as the provider states it. */
  readonly originalDocumentNumber: string | null;
  readonly documentType: CodedValue<DocumentType> | null;
  readonly status: CodedValue<InvoiceStatus> | null;
  readonly orderStatus: CodedValue<OrderStatus> | null;
  readonly holdReason: HoldReasonCodeModel | null;
  readonly creditMemoReason: CreditMemoReasonCodeModel | null;
  readonly invoiceDate: DateString | null;
  readonly orderDate: DateString | null;
  readonly shipDate: DateString | null;
  readonly dueDate: DateString | null;
  readonly invoicedAt: DateTimeString | null;
  readonly orderedAt: DateTimeString | null;
  readonly shippedAt: DateTimeString | null;
  readonly acknowledgedAt: DateTimeString | null;
  readonly paidAt: DateTimeString | null;
  readonly closedAt: DateTimeString | null;
  readonly canceledAt: DateTimeString | null;
  readonly currency: string | null;
  readonly companyCurrency: string | null;
  readonly exchangeRate: DecimalString | null;
  readonly subtotal: MoneyModel | null;
  readonly tax: MoneyModel | null;
  readonly freight: MoneyModel | null;
  readonly discount: MoneyModel | null;
  readonly total: MoneyModel | null;
  readonly amountDue: MoneyModel | null;
  readonly terms: PaymentTermsModel | null;
  readonly billTo: AddressModel | null;
  readonly shipTo: AddressModel | null;
  readonly shipFrom: AddressModel | null;
  readonly remitTo: AddressModel | null;
  readonly soldTo: AddressModel | null;
  readonly carrier: CarrierModel | null;
  /** Invoice-level tracking numbers; the resolver merges in the lines' numbers. */
  readonly trackingNumbers: readonly string[];
  readonly weight: DecimalString | null;
  readonly boxCount: number | null;
  readonly lines: readonly LineModel[];
  readonly charges: readonly ChargeModel[];
  readonly notes: string | null;
  readonly brand: BrandModel | null;
  readonly connectionId: string | null;
  readonly metalMarketRates: readonly MetalMarketRateModel[];
  readonly attributes: readonly AttributeModel[];
  readonly discrepancies: readonly DiscrepancyModel[];
  /** Listed by the provider, but its details are no longer served: header fields only. */
  readonly archived: boolean;
  readonly acceptance: InvoiceAcceptanceModel | null;
  /**
   * When the subgraph received the invoice from its provider (ISO-8601). Stamped by the lookup
   * cache as an answer arrives (providers leave it out); absent only on invoices read outside
   * the lookups, which are fetched by the request itself.
   */
  readonly retrievedAt?: DateTimeString;
  /**
   * Set on an invoice as a provider's search listed it, without the fields only its detail
   * call gives (Ingram Micro: lines, addresses, the currency of its amounts). The Invoice
   * field resolvers fetch that detail, per invoice and through the request's loaders, only
   * when one of `detailFields` is selected (search/detail-fields.ts). Absent: complete.
   */
  readonly headerOnly?: HeaderOnlyModel;
}

/** What a search row leaves to the provider's detail call. */
export interface HeaderOnlyModel {
  /** The GraphQL fields of Invoice whose values only the detail call gives. */
  readonly detailFields: readonly string[];
  /**
   * Amounts the row states without naming their currency: served from the row when a query
   * selects only their `amount`; with `currency`, the detail gives the currency.
   */
  readonly amounts: { readonly total: DecimalString | null; readonly amountDue: DecimalString | null };
}

/** The purchase-order entity as this subgraph knows it: only its key. */
export interface PurchaseOrderModel {
  readonly number: string;
}

export interface LookupNoticeModel {
  readonly provider: Provider;
  readonly purchaseOrderNumber: string;
  readonly code: LookupNoticeCode;
  readonly message: string;
  /** The one invoice the notice is about, when it is about one. */
  readonly invoiceNumber?: string | null;
}

export interface ProviderFailureModel {
  readonly provider: Provider;
  readonly code: ProviderFailureCode;
  readonly message: string;
  readonly purchaseOrderNumbers: readonly string[];
  readonly retryAfterSeconds: number | null;
}

export interface InvoiceLookupModel {
  readonly invoices: readonly InvoiceModel[];
  readonly failures: readonly ProviderFailureModel[];
  readonly notices: readonly LookupNoticeModel[];
}

export interface InvoiceConnectionModel {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: InvoiceModel }>;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}
