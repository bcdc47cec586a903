import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { InvoiceModel as InvoiceModelModel, LineModel as LineModelModel, AddressModel as AddressModelModel, MoneyModel as MoneyModelModel, ChargeModel as ChargeModelModel, PaymentTermsModel as PaymentTermsModelModel, CarrierModel as CarrierModelModel, SerialNumberModel as SerialNumberModelModel, InvoiceAcceptanceModel as InvoiceAcceptanceModelModel, HoldReasonCodeModel as HoldReasonCodeModelModel, CreditMemoReasonCodeModel as CreditMemoReasonCodeModelModel, PurchaseOrderModel as PurchaseOrderModelModel, InvoiceLookupModel as InvoiceLookupModelModel, ProviderFailureModel as ProviderFailureModelModel, InvoiceConnectionModel as InvoiceConnectionModelModel } from '../domain/models.js';
import type { InvoiceSearchResultModel as InvoiceSearchResultModelModel, SearchNoticeModel as SearchNoticeModelModel } from '../search/models.js';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A calendar date, `YYYY-MM-DD`, as the provider states it in its own offset. It is never
   * shifted to another day by a conversion to UTC.
   */
  Date: { input: string; output: string; }
  /**
   * An ISO-8601 instant with an offset, such as `2024-04-27T23:09:24.9322846-05:00` or
   * `2022-05-10T15:24:56Z`. The offset the provider used is kept.
   */
  DateTime: { input: string; output: string; }
  /**
   * An exact decimal number, serialized as a JSON string such as `"5400.00"` or `"-12.5"`.
   * The digits are exactly those the provider sent (trailing zeros kept, thousands separators
   * removed); it never passes through binary floating point. Parse it with a decimal library,
   * not `parseFloat`. An invalid value given as input is a `BAD_USER_INPUT` error.
   */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The outcome of acknowledging one invoice. */
export type AcknowledgeResult = {
  __typename?: 'AcknowledgeResult';
  /** True when the invoice is acknowledged at the provider (also when it already was). */
  acknowledged: Scalars['Boolean']['output'];
  /** Why the invoice could not be acknowledged; null on success. */
  error: Maybe<Scalars['String']['output']>;
  /** The invoice id as given. */
  id: Scalars['ID']['output'];
};

/** A postal address as the provider sent it. */
export type Address = {
  __typename?: 'Address';
  /** The provider's account number or suffix for this address (Ingram Micro bill-to/ship-to suffix, Stuller ship-to account, TD SYNNEX customer account). */
  accountNumber: Maybe<Scalars['String']['output']>;
  /** The kind of address as the provider names it, such as `residential` or `commercial` (fabric `type`). */
  addressType: Maybe<Scalars['String']['output']>;
  /** A second phone number (fabric `phone2`). */
  alternatePhone: Maybe<Scalars['String']['output']>;
  /** The person to the attention of whom goods or mail go. */
  attention: Maybe<Scalars['String']['output']>;
  /** City or town. */
  city: Maybe<Scalars['String']['output']>;
  /** ISO 3166-1 alpha-2 country code where known, otherwise the provider's country text. */
  country: Maybe<Scalars['String']['output']>;
  /** Email address. */
  email: Maybe<Scalars['String']['output']>;
  /** Fax number (fabric `fax`, Ingram Micro `fax`). */
  fax: Maybe<Scalars['String']['output']>;
  /** Street lines, in order, without empty lines. */
  lines: Array<Scalars['String']['output']>;
  /** The addressee (company or person). */
  name: Maybe<Scalars['String']['output']>;
  /** Phone number. */
  phone: Maybe<Scalars['String']['output']>;
  /** Postal code, exactly as sent (leading zeros kept). */
  postalCode: Maybe<Scalars['String']['output']>;
  /** State, province or county. */
  region: Maybe<Scalars['String']['output']>;
  /** The party's tax identifier at this address (fabric `federal_tax_id`). */
  taxId: Maybe<Scalars['String']['output']>;
};

/** A name and value the provider attaches to an invoice or a line (Ingram Micro extended specs, vendor-specific extras). */
export type Attribute = {
  __typename?: 'Attribute';
  /** The attribute's name, as the provider spells it. */
  name: Scalars['String']['output'];
  /** The attribute's value, as text. */
  value: Maybe<Scalars['String']['output']>;
};

/** A fabric brand: the supplier that sent an invoice through fabric Dropship. */
export type Brand = {
  __typename?: 'Brand';
  /** The brand's short code in fabric. */
  code: Maybe<Scalars['String']['output']>;
  /** fabric's brand id. */
  id: Scalars['String']['output'];
  /** The brand's name. */
  name: Maybe<Scalars['String']['output']>;
};

/** How an invoice's goods were shipped. */
export type Carrier = {
  __typename?: 'Carrier';
  /** The shipping account the freight was billed to. */
  accountNumber: Maybe<Scalars['String']['output']>;
  /** The provider's carrier or ship-method code (Ingram Micro `carrier`, TD SYNNEX `ShipMethodCode`). */
  code: Maybe<Scalars['String']['output']>;
  /** The carrier's name or the ship method's description. */
  name: Maybe<Scalars['String']['output']>;
  /** The shipping method or service level code, where the provider gives it apart from the carrier. */
  serviceCode: Maybe<Scalars['String']['output']>;
  /** The shipping method or service level name. */
  serviceName: Maybe<Scalars['String']['output']>;
  /** A tracking page for the shipment, when the provider gives one (Stuller `TrackingLink`). */
  trackingUrl: Maybe<Scalars['String']['output']>;
};

/** A charge or allowance on an invoice, outside its product lines. */
export type Charge = {
  __typename?: 'Charge';
  /** The amount: positive when it adds to what is owed, negative for allowances and rebates. */
  amount: Money;
  /** The provider's own code for the charge, when it has one (for example an Ingram Micro fee code). */
  code: Maybe<Scalars['String']['output']>;
  /** The provider's description of the charge. */
  description: Maybe<Scalars['String']['output']>;
  /** What the charge is for. */
  kind: ChargeKind;
};

/** What a charge line on an invoice is for. */
export type ChargeKind =
  /** An allowance or discount that reduces the amount owed (negative amount). */
  | 'ALLOWANCE'
  /** A box or packaging charge. */
  | 'BOX_CHARGE'
  /** Expenses the provider totals separately. */
  | 'EXPENSE'
  /** Freight, shipping, postage and handling. */
  | 'FREIGHT'
  /** A minimum order fee. */
  | 'MINIMUM_ORDER_FEE'
  /** Any other charge; see `code` and `description`. */
  | 'OTHER'
  /** A processing or service fee. */
  | 'PROCESSING_FEE'
  /** A rebate (negative amount). */
  | 'REBATE'
  /** A recycling or environmental fee. */
  | 'RECYCLING_FEE';

/**
 * Ingram Micro credit memo reason (the `creditmemoreasoncode` of a credit memo). The raw
 * code is kept in `CreditMemoReasonCode.code`.
 */
export type CreditMemoReason =
  /** Code BS: Backorder shipped in error. */
  | 'BACKORDER_SHIPPED_IN_ERROR'
  /** Code BB: Box closed (selected customers). */
  | 'BOX_CLOSED'
  /** Code BU: Box incomplete (selected customers). */
  | 'BOX_INCOMPLETE'
  /** Code BO: Box open (selected customers). */
  | 'BOX_OPEN'
  /** Code LQ: Broken or Defective (selected customers). */
  | 'BROKEN_OR_DEFECTIVE'
  /** Code SC: Customer error (with restocking fee). */
  | 'CUSTOMER_ERROR'
  /** Code DM: Damaged in transit - POD endorsed. */
  | 'DAMAGED_IN_TRANSIT'
  /** Code DF: Defective. */
  | 'DEFECTIVE'
  /** Code DO: Demo (sale or return). */
  | 'DEMO'
  /** Code DI: Direct/Vendor credit. */
  | 'DIRECT_VENDOR_CREDIT'
  /** Code DS: Duplicate shipment. */
  | 'DUPLICATE_SHIPMENT'
  /** Code IN: Incomplete product. */
  | 'INCOMPLETE_PRODUCT'
  /** Code LS: Lost shipment (carrier claim). */
  | 'LOST_SHIPMENT'
  /** Code SI: Misc. return (where no other code applies). */
  | 'MISCELLANEOUS_RETURN'
  /** Code NR: Non-Resalable. */
  | 'NON_RESALABLE'
  /** Code OS: Over Shipment (shipped but not charged for). */
  | 'OVER_SHIPMENT'
  /** Code RB: Rebill (Credit & Rebill). */
  | 'REBILL'
  /** Code RF: Refusal return. */
  | 'REFUSAL_RETURN'
  /** Code RP: Repair. */
  | 'REPAIR'
  /** Code RT: Returns write off. */
  | 'RETURNS_WRITE_OFF'
  /** Code SS: Short shipment (warehouse claim). */
  | 'SHORT_SHIPMENT'
  /** Code SL: Short shipment (warehouse claim - consignment vendors). */
  | 'SHORT_SHIPMENT_CONSIGNMENT'
  /** Code SB: Stock balance (no restocking fee). */
  | 'STOCK_BALANCE'
  /** A code the Ingram Micro table does not list; read the raw code. */
  | 'UNKNOWN'
  /** Code BW: Unopened but transit wear (selected customers). */
  | 'UNOPENED_TRANSIT_WEAR'
  /** Code VE: Vendor Error. */
  | 'VENDOR_ERROR'
  /** Code WW: Wrong pick by warehouse. */
  | 'WRONG_PICK'
  /** Code WP: Wrong purchasing (impulse spec error). */
  | 'WRONG_PURCHASING'
  /** Code WS: Wrong sales (error by sales dept). */
  | 'WRONG_SALES'
  /** Code WT: Wrong technical (website spec error). */
  | 'WRONG_TECHNICAL';

/** An Ingram Micro credit memo reason: why a credit memo was issued. */
export type CreditMemoReasonCode = ReasonCode & {
  __typename?: 'CreditMemoReasonCode';
  /** The raw credit memo reason code (for example `DF`). */
  code: Scalars['String']['output'];
  /** Ingram Micro's description of the code; `Unknown credit memo reason code` when the table does not list it. */
  description: Scalars['String']['output'];
  /** Always CREDIT_MEMO. */
  kind: ReasonCodeKind;
  /** The classified reason. */
  reason: CreditMemoReason;
};

/**
 * A difference between amounts that should agree, found while reading a provider's invoice
 * (for example a line total that is not unit price × quantity). It is reported, never corrected.
 */
export type Discrepancy = {
  __typename?: 'Discrepancy';
  /** The value the provider sent. */
  actual: Scalars['Decimal']['output'];
  /** The value the other amounts imply. */
  expected: Scalars['Decimal']['output'];
  /** Which amount disagrees, such as `Line.extendedPrice`. */
  field: Scalars['String']['output'];
  /** The line the difference is on, or null for an invoice-level difference. */
  lineNumber: Maybe<Scalars['String']['output']>;
  /** A sentence explaining the difference. */
  message: Scalars['String']['output'];
};

/**
 * What kind of document an invoice record is. Ingram Micro credit memos are `CREDIT_MEMO`;
 * TD SYNNEX order types map one to one; other providers' invoices are `INVOICE`. The raw
 * provider code is kept in `Invoice.documentTypeCode`.
 */
export type DocumentType =
  /** A credit memo: amounts keep the sign the provider gives. TD SYNNEX order type 14: Credit Memo. */
  | 'CREDIT_MEMO'
  /** An invoice (the provider does not classify it further). */
  | 'INVOICE'
  /** TD SYNNEX order type 11: RMA Advanced Swap. */
  | 'RMA_ADVANCED_SWAP'
  /** TD SYNNEX order type 16: RMA CC. */
  | 'RMA_CC'
  /** TD SYNNEX order type 10: RMA RTC (return merchandise authorization, return to credit). */
  | 'RMA_RTC'
  /** TD SYNNEX order type 1: Sales Order (the invoice of a sales order). */
  | 'SALES_ORDER'
  /** A document type code the provider's table does not list; read the raw code. */
  | 'UNKNOWN';

/**
 * Ingram Micro hold reason (the `holdreason` code of an open order). Codes that share one
 * documented meaning share one value; the raw code is kept in `HoldReasonCode.code`.
 */
export type HoldReason =
  /** Codes EA and EH: ACOP hold. */
  | 'ACOP'
  /** Code AC: Adjusted cost hold. */
  | 'ADJUSTED_COST'
  /** Code IC: All orders set to hold (customer setting). */
  | 'ALL_ORDERS_ON_HOLD'
  /** Code BA: Bad address hold. */
  | 'BAD_ADDRESS'
  /** Code BO: Bill only hold. */
  | 'BILL_ONLY'
  /** Code S2: Combined SM/SP hold. */
  | 'COMBINED_MINIMUM_FEE_AND_PRICE_CHANGE'
  /** Code CC: Credit card hold. */
  | 'CREDIT_CARD'
  /** Codes CH, CL, PC and PD: Credit check hold. */
  | 'CREDIT_CHECK'
  /** Codes C3, C4, C5 and C8: Credit hold. */
  | 'CREDIT_HOLD'
  /** Code IM: Customer hold. */
  | 'CUSTOMER_HOLD'
  /** Code VO: Deleted order. */
  | 'DELETED_ORDER'
  /** Code EU: End-user data missing. */
  | 'END_USER_DATA_MISSING'
  /** Code ES: End-user rejected/missing. */
  | 'END_USER_REJECTED_OR_MISSING'
  /** Codes EX, R1 and RP: Export hold. */
  | 'EXPORT'
  /** Code ER: Final review hold. */
  | 'FINAL_REVIEW'
  /** Code FL: Flooring hold. */
  | 'FLOORING'
  /** Code SF: Freight hold. */
  | 'FREIGHT'
  /** Code IN: Fulfilment (dropship) value hold. */
  | 'FULFILMENT_VALUE'
  /** Code ZS: IM-Online offline hold. */
  | 'IM_ONLINE_OFFLINE'
  /** Codes GM, LM and LT: Margin hold. */
  | 'MARGIN'
  /** Code blank: No hold. */
  | 'NO_HOLD'
  /** Code SP: Price change hold. */
  | 'PRICE_CHANGE'
  /** Code MN: Pricing hold. */
  | 'PRICING'
  /** Code SH: Sales hold. */
  | 'SALES'
  /** Codes BL and SB: Special bid hold. */
  | 'SPECIAL_BID'
  /** Code SE: Special product hold. */
  | 'SPECIAL_PRODUCT'
  /** Code TV: Transmit to vendor hold (awaiting a response). */
  | 'TRANSMIT_TO_VENDOR'
  /** A code the Ingram Micro table does not list; read the raw code. */
  | 'UNKNOWN'
  /** Code VR: Vendor required information missing. */
  | 'VENDOR_INFORMATION_MISSING'
  /** Code SM: Waive minimum order fee hold. */
  | 'WAIVE_MINIMUM_ORDER_FEE'
  /** Code WT: Weight hold. */
  | 'WEIGHT';

/** An Ingram Micro hold reason: why an open order is on hold. */
export type HoldReasonCode = ReasonCode & {
  __typename?: 'HoldReasonCode';
  /** The raw hold reason code (for example `C3`). */
  code: Scalars['String']['output'];
  /** Ingram Micro's description of the code; `Unknown hold reason code` when the table does not list it. */
  description: Scalars['String']['output'];
  /** Always HOLD. */
  kind: ReasonCodeKind;
  /** The classified reason; codes with the same meaning share one value. */
  reason: HoldReason;
};

/**
 * An invoice (or credit memo) a supplier sent, normalized across providers. Amounts are
 * exact decimals; codes are translated into documented enums and the raw code is kept
 * beside each one.
 */
export type Invoice = {
  __typename?: 'Invoice';
  /** Whether the retailer accepted or rejected the invoice (fabric's invoice acceptance); null where the provider has no such workflow. */
  acceptance: Maybe<InvoiceAcceptance>;
  /** When this retailer acknowledged the invoice (fabric); null while unacknowledged. */
  acknowledgedAt: Maybe<Scalars['DateTime']['output']>;
  /** What is still owed, where the provider says so (Ingram Micro: the v6 search's `invoicedAmountDue`). */
  amountDue: Maybe<Money>;
  /**
   * True when the provider lists this invoice but no longer serves its details (Ingram Micro keeps
   * them nine months): only the header fields of its search are given, and `lines`, addresses and
   * `charges` are empty because they could not be read, not because the invoice has none.
   */
  archived: Scalars['Boolean']['output'];
  /** Further provider data with no field of its own (Ingram Micro extended specs and the like). */
  attributes: Array<Attribute>;
  /** Bill-to address. */
  billTo: Maybe<Address>;
  /** Number of boxes shipped (TD SYNNEX). */
  boxCount: Maybe<Scalars['Int']['output']>;
  /** The brand (supplier) that issued a fabric invoice. */
  brand: Maybe<Brand>;
  /** When the order was canceled (fabric). */
  canceledAt: Maybe<Scalars['DateTime']['output']>;
  /** Carrier and shipping method. */
  carrier: Maybe<Carrier>;
  /** Charges and allowances outside the product lines (freight, fees, rebates, allowances). */
  charges: Array<Charge>;
  /** When the invoice was completely paid (fabric). */
  closedAt: Maybe<Scalars['DateTime']['output']>;
  /** The provider's own company currency, when the invoice currency differs from it (Ingram Micro). */
  companyCurrency: Maybe<Scalars['String']['output']>;
  /** The fabric connection between the retailer and the brand. */
  connectionId: Maybe<Scalars['String']['output']>;
  /** Why the credit memo was issued; null when the document is not a credit memo or no reason is given. */
  creditMemoReason: Maybe<CreditMemoReasonCode>;
  /** ISO 4217 currency of the invoice amounts. */
  currency: Maybe<Scalars['String']['output']>;
  /** Invoice-level discount, as a positive amount taken off. */
  discount: Maybe<Money>;
  /** Amounts that do not agree in the provider's data; reported, never corrected. */
  discrepancies: Array<Discrepancy>;
  /** What kind of document this is. */
  documentType: DocumentType;
  /** The provider's raw document or order type code, when it has one (TD SYNNEX `OrderType`). */
  documentTypeCode: Maybe<Scalars['String']['output']>;
  /**
   * Date payment is due: as the provider states it (fabric `terms_date_due`, Ingram Micro
   * `invoiceDueDate` or else `paymentTermsDueDate` of the v6 search), or for TD SYNNEX the invoice
   * date plus `PaymentTermDays` (TD states no due date).
   */
  dueDate: Maybe<Scalars['Date']['output']>;
  /** The end user's or end customer's order number, when the provider carries one. */
  endUserOrderNumber: Maybe<Scalars['String']['output']>;
  /** Exchange rate between the provider's company currency and the invoice currency (Ingram Micro `currencyrate`). */
  exchangeRate: Maybe<Scalars['Decimal']['output']>;
  /**
   * Freight or shipping charge: the provider's header amount, or, when that is zero or absent, the
   * sum of the FREIGHT `charges` (Ingram Micro bills freight as fee lines, fabric as a Shipping
   * Expense charge). Always also present in `charges`, and counted there only once.
   */
  freight: Maybe<Money>;
  /** Why the order is on hold; null when it is not on hold. */
  holdReason: Maybe<HoldReasonCode>;
  /** Opaque, stable identifier: the same invoice always has the same id, and `_entities` resolves it again. */
  id: Scalars['ID']['output'];
  /** Invoice date. */
  invoiceDate: Maybe<Scalars['Date']['output']>;
  /** When the invoice was created, as an instant, where the provider gives the time of day. */
  invoicedAt: Maybe<Scalars['DateTime']['output']>;
  /** The invoice's product lines, in the provider's order. */
  lines: Array<Line>;
  /** Precious-metal market rates the invoice was priced against (Stuller). */
  metalMarketRates: Array<MetalMarketRate>;
  /** Free-text notes or comments from the provider. */
  notes: Maybe<Scalars['String']['output']>;
  /** The invoice number as the provider shows it. */
  number: Scalars['String']['output'];
  /** Order entry date. */
  orderDate: Maybe<Scalars['Date']['output']>;
  /** The provider's sales-order number. */
  orderNumber: Maybe<Scalars['String']['output']>;
  /** Ingram Micro order status; null for providers without one. */
  orderStatus: Maybe<OrderStatus>;
  /** The raw order status code (an empty string is Ingram Micro's blank code, In progress/Open order). */
  orderStatusCode: Maybe<Scalars['String']['output']>;
  /** When the order was placed or finalized, as an instant. */
  orderedAt: Maybe<Scalars['DateTime']['output']>;
  /**
   * For a credit memo, RMA or rebill: the number of the invoice or shipment it refers to, exactly
   * as the provider states it (Ingram Micro `originalshipcode`; TD SYNNEX `InternalReferenceNumber`
   * on credit memos and RMAs). Null on ordinary invoices and when the provider names none.
   */
  originalDocumentNumber: Maybe<Scalars['String']['output']>;
  /**
   * The invoice `originalDocumentNumber` refers to, when the same provider finds it by that number;
   * null otherwise (no reference, or the provider does not know the number). Looked up through the
   * request's batched lookups, so a page of credit memos costs one batch per provider.
   */
  originalInvoice: Maybe<Invoice>;
  /** When a payment was made (fabric). */
  paidAt: Maybe<Scalars['DateTime']['output']>;
  /** The supplier that issued the invoice. */
  provider: Provider;
  /** The purchase order this invoice bills, as the entity of the orders subgraph (null when no PO is named). */
  purchaseOrder: Maybe<PurchaseOrder>;
  /** The customer purchase-order number the invoice bills (null when the provider names none). */
  purchaseOrderNumber: Maybe<Scalars['String']['output']>;
  /** The provider's internal reference for the document (TD SYNNEX invoice, credit memo or RMA number). */
  referenceNumber: Maybe<Scalars['String']['output']>;
  /** Remit-to address (fabric). */
  remitTo: Maybe<Address>;
  /**
   * When this subgraph received this invoice from its provider. Answers are reused for a short
   * freshness window (and a provider's last answer is served while it fails), so this can be
   * earlier than the request; compare it with the current time to show how fresh the data is.
   */
  retrievedAt: Scalars['DateTime']['output'];
  /** Ship date. */
  shipDate: Maybe<Scalars['Date']['output']>;
  /** Ship-from address (fabric). */
  shipFrom: Maybe<Address>;
  /** Ship-to address. */
  shipTo: Maybe<Address>;
  /** When the goods shipped, as an instant. */
  shippedAt: Maybe<Scalars['DateTime']['output']>;
  /** Sold-to address (fabric). */
  soldTo: Maybe<Address>;
  /**
   * Whether the invoice is open or closed, when the provider says: fabric `status`; Ingram Micro
   * the v6 search's `invoiceStatus` (filled on purchase-order lookups and archived invoices, null
   * on a lookup by number, whose v5 detail carries no invoice status); Stuller from `TotalDue`
   * (zero: CLOSED, otherwise OPEN) unless `Status` itself says Open, Closed or Paid.
   */
  status: Maybe<InvoiceStatus>;
  /**
   * The provider's raw invoice status text (Stuller: its `Status`, an order status such as
   * `Shipped`, from which `status` is not read); null when the provider sent none.
   */
  statusCode: Maybe<Scalars['String']['output']>;
  /** Net amount before tax. */
  subtotal: Maybe<Money>;
  /** Total tax. */
  tax: Maybe<Money>;
  /** Payment terms. */
  terms: Maybe<PaymentTerms>;
  /**
   * Gross amount of the document (invoice total, total amount, amount to pay): subtotal + tax +
   * charges. fabric states no such amount: there it is `net_amount` (subtotal + tax) plus the
   * charges, minus the allowances, exactly as fabric bills them.
   */
  total: Maybe<Money>;
  /** Every tracking number of the invoice's shipments, invoice-level and line-level, without duplicates. */
  trackingNumbers: Array<Scalars['String']['output']>;
  /** Shipment weight in the provider's unit. */
  weight: Maybe<Scalars['Decimal']['output']>;
};

/** A retailer's decision on an invoice (fabric Dropship invoice acceptance). */
export type InvoiceAcceptance = {
  __typename?: 'InvoiceAcceptance';
  /** When the invoice was accepted or rejected. */
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  /** Why the invoice was rejected (fabric requires a reason for a rejection). */
  reason: Maybe<Scalars['String']['output']>;
  /** Accepted, rejected, or not decided yet. */
  state: InvoiceAcceptanceState;
  /** The provider's raw acceptance status text, when it sent one. */
  stateCode: Maybe<Scalars['String']['output']>;
};

/** Where a retailer's decision on an invoice stands (fabric invoice acceptance). */
export type InvoiceAcceptanceState =
  /** Accepted: the retailer accepted the invoice (fabric acceptance status accepted, or only `accepted_at` set). */
  | 'ACCEPTED'
  /** Pending: neither accepted nor rejected yet (fabric acceptance status pending, or no status and no decision time). */
  | 'PENDING'
  /** Rejected: the retailer rejected the invoice (fabric acceptance status rejected, or only `rejected_at` set); see `InvoiceAcceptance.reason`. */
  | 'REJECTED'
  /** An acceptance status the provider does not document; read `InvoiceAcceptance.stateCode`. */
  | 'UNKNOWN';

/** A page of invoices (Relay cursor connection). */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** The invoices of this page with their cursors. */
  edges: Array<InvoiceEdge>;
  /** Where this page ends and whether another follows. */
  pageInfo: PageInfo;
};

/** An invoice in a connection. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  /** Opaque cursor of this edge; pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The invoice. */
  node: Invoice;
};

/**
 * What `Query.invoices` looks for. Dates are the provider's own calendar days, both ends
 * inclusive. Either `invoiceDateFrom` and `invoiceDateTo`, or `dueDateFrom` and `dueDateTo`, must
 * be given, spanning at most 93 days; the other pair may be given too, in full or in part.
 */
export type InvoiceFilter = {
  /** Only documents of this type (an invoice the provider does not classify counts as INVOICE). */
  documentType?: InputMaybe<DocumentType>;
  /** First due date to include (inclusive). An invoice without a due date does not match a due-date filter. */
  dueDateFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Last due date to include (inclusive). */
  dueDateTo?: InputMaybe<Scalars['Date']['input']>;
  /** First invoice date to include (inclusive). */
  invoiceDateFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Last invoice date to include (inclusive). */
  invoiceDateTo?: InputMaybe<Scalars['Date']['input']>;
  /**
   * Providers to search. Left out: every configured provider that can search with this filter,
   * and the others are skipped silently. Named: a provider without such a search (TD SYNNEX has
   * none; Stuller states no due dates) is listed in `failures` as `NOT_SUPPORTED`.
   */
  providers?: InputMaybe<Array<Provider>>;
  /** Only invoices with this status. */
  status?: InputMaybe<InvoiceStatus>;
};

/** The result of looking up invoices across providers: what was found, and what failed. */
export type InvoiceLookup = {
  __typename?: 'InvoiceLookup';
  /** One entry per provider that could not answer; the other providers' invoices are still in `invoices`. */
  failures: Array<ProviderFailure>;
  /** Every invoice found, grouped by provider in the order of the `Provider` enum, each provider's in its own order. */
  invoices: Array<Invoice>;
  /** Business outcomes that are neither invoices nor failures, such as an order not invoiced yet. */
  notices: Array<LookupNotice>;
};

/** One page of an invoice search across providers. */
export type InvoiceSearchResult = {
  __typename?: 'InvoiceSearchResult';
  /** The invoices of this page, in the search's order, with their cursors. */
  edges: Array<InvoiceEdge>;
  /**
   * Providers that could not answer this page (`purchaseOrderNumbers` is empty here), or that
   * were named but cannot search this way (`NOT_SUPPORTED`). The other providers' invoices are
   * still listed. A provider that failed keeps its place in the cursor: when it answers again on
   * a later page, the invoices it could not give come first on that page.
   */
  failures: Array<ProviderFailure>;
  /** Answers that are not failures but that a reader should know about, such as a provider's invoices served from an older answer while it fails. */
  notices: Array<SearchNotice>;
  /**
   * Whether more invoices may follow, and the cursor to continue from. On a search page
   * `endCursor` is set whenever `hasNextPage` is true, also when the page is empty.
   */
  pageInfo: PageInfo;
};

/**
 * Whether an invoice is still open (amount owed) or closed (fully paid or settled). The
 * raw provider status is kept in `Invoice.statusCode`.
 */
export type InvoiceStatus =
  /** Closed: fully paid or settled (fabric status closed). Also Ingram Micro invoiceStatus Closed or Paid, and Stuller TotalDue zero. */
  | 'CLOSED'
  /** Open: not yet fully paid (fabric status open). Also Ingram Micro invoiceStatus Open, and Stuller TotalDue not zero. */
  | 'OPEN'
  /** A status the provider's table does not list; read the raw code. */
  | 'UNKNOWN';

/** A product line of an invoice. */
export type Line = {
  __typename?: 'Line';
  /** Further provider data on the line (product extended specs, vendor-specific fields). */
  attributes: Array<Attribute>;
  /** Expected availability of the back-ordered quantity. */
  backorderEta: Maybe<Scalars['Date']['output']>;
  /** The line number on the customer's purchase order, when the provider echoes it. */
  customerLineNumber: Maybe<Scalars['String']['output']>;
  /** Product description. */
  description: Maybe<Scalars['String']['output']>;
  /** Line amount as the provider sent it. */
  extendedPrice: Maybe<Money>;
  /** The manufacturer's part number (what distributors call the vendor part number). */
  manufacturerPartNumber: Maybe<Scalars['String']['output']>;
  /** Free-text notes on the line (Stuller `CustomerNotes`). */
  notes: Maybe<Scalars['String']['output']>;
  /** The provider's line number. */
  number: Maybe<Scalars['String']['output']>;
  /** The provider's own SKU or part number. */
  partNumber: Maybe<Scalars['String']['output']>;
  /** Quantity on back order. */
  quantityBackordered: Maybe<Scalars['Decimal']['output']>;
  /** Quantity ordered. */
  quantityOrdered: Maybe<Scalars['Decimal']['output']>;
  /** Quantity shipped (and invoiced). */
  quantityShipped: Maybe<Scalars['Decimal']['output']>;
  /** Serial numbers of the shipped units. */
  serialNumbers: Array<SerialNumber>;
  /** The provider's secondary SKU, when it has one besides `partNumber` (TD SYNNEX `SKU`). */
  sku: Maybe<Scalars['String']['output']>;
  /** The special-bid or contract-price reference the line was priced under (Ingram Micro `specialbidnumber`). */
  specialBidNumber: Maybe<Scalars['String']['output']>;
  /** Tracking numbers of the packages carrying this line. */
  trackingNumbers: Array<Scalars['String']['output']>;
  /** Unit of measure of the quantities and the unit price (for example `EA`). */
  unitOfMeasure: Maybe<Scalars['String']['output']>;
  /** Unit price. */
  unitPrice: Maybe<Money>;
  /** UPC or EAN barcode. */
  upc: Maybe<Scalars['String']['output']>;
  /** The warehouse the line shipped from (Ingram Micro `shipfrombranch`). */
  warehouse: Maybe<Scalars['String']['output']>;
};

/** A provider's business answer for one purchase order that is not an invoice, such as 'not invoiced yet'. */
export type LookupNotice = {
  __typename?: 'LookupNotice';
  /** What the provider said. */
  code: LookupNoticeCode;
  /** The invoice the notice is about, when it is about one invoice (an archived Ingram Micro invoice). */
  invoiceNumber: Maybe<Scalars['String']['output']>;
  /** The provider's own message. */
  message: Scalars['String']['output'];
  /** The provider that answered. */
  provider: Provider;
  /** The purchase order the notice is about. */
  purchaseOrderNumber: Scalars['String']['output'];
};

/** A business outcome a provider reports for a purchase order that is neither an invoice nor a failure. */
export type LookupNoticeCode =
  /**
   * The invoice is older than the provider keeps online and was archived. TD SYNNEX (Invoice has
   * been archived) returns no invoice then; Ingram Micro's search still lists it, so the invoice is
   * returned with its header fields only (`Invoice.archived`), and `LookupNotice.invoiceNumber` names it.
   */
  | 'ARCHIVED'
  /** The order exists but has not been invoiced yet; ask again later (TD SYNNEX: Order not invoiced yet). */
  | 'NOT_INVOICED_YET'
  /**
   * The provider could not answer now (it failed, timed out or is rate limited), and the
   * invoices given for this purchase order are the last answer it gave; each invoice's
   * `retrievedAt` says how old it is. The message names the failure.
   */
  | 'STALE';

/** A precious metal whose market rate Stuller quotes on an invoice. */
export type Metal =
  /** Gold. */
  | 'GOLD'
  /** Platinum. */
  | 'PLATINUM'
  /** Silver. */
  | 'SILVER';

/** A precious-metal market rate an invoice was priced against (Stuller). */
export type MetalMarketRate = {
  __typename?: 'MetalMarketRate';
  /** The adder, as Stuller states it (text). */
  adder: Maybe<Scalars['String']['output']>;
  /** The base rate. */
  base: Maybe<Scalars['Decimal']['output']>;
  /** The metal. */
  metal: Metal;
  /** The market rate used. */
  rate: Maybe<Scalars['Decimal']['output']>;
};

/** An exact amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  /** The amount, exactly as the provider stated it (credit memos keep the provider's sign). */
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 currency code, such as `USD` or `GBP`. */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Acknowledge invoices at their provider (fabric) so they are not returned as new again.
   * Idempotent: an invoice already acknowledged counts as success. One result per id, in
   * the order given; at most 100 ids.
   */
  acknowledgeInvoices: Array<AcknowledgeResult>;
};


export type MutationAcknowledgeInvoicesArgs = {
  ids: Array<Scalars['ID']['input']>;
};

/**
 * Ingram Micro order status (the `orderstatus` code of InvoiceAPI v5). The raw code is
 * kept in `Invoice.orderStatusCode`.
 */
export type OrderStatus =
  /** Code I or B: Billed. */
  | 'BILLED'
  /** Code E: Billing error. */
  | 'BILLING_ERROR'
  /** Code C: Credit hold. */
  | 'CREDIT_HOLD'
  /** Code V: Deleted order. */
  | 'DELETED'
  /** Code O: Ecommerce Hold. */
  | 'ECOMMERCE_HOLD'
  /** Code F: Invoiced. */
  | 'INVOICED'
  /** Code blank: In progress/Open order. */
  | 'IN_PROGRESS'
  /** Code W: Order not released to the warehouse management system. */
  | 'NOT_RELEASED_TO_WAREHOUSE'
  /** Code P: Paid. */
  | 'PAID'
  /** Code R: Released to the warehouse management system. */
  | 'RELEASED_TO_WAREHOUSE'
  /** Code S: Sales Hold. */
  | 'SALES_HOLD'
  /** Code D: Shipment hold. */
  | 'SHIPMENT_HOLD'
  /** A code the Ingram Micro table does not list; read the raw code. */
  | 'UNKNOWN';

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /**
   * The cursor of the last edge of this page; null when the page is empty. A search page
   * (`Query.invoices`) may be empty and still continue: its `endCursor` is set whenever
   * `hasNextPage` is true.
   */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** The payment terms of an invoice. */
export type PaymentTerms = {
  __typename?: 'PaymentTerms';
  /** The provider's description of the terms, such as `NET 30 DAYS`. */
  description: Maybe<Scalars['String']['output']>;
  /** Days within which the early-payment discount applies. */
  discountDays: Maybe<Scalars['Int']['output']>;
  /** The last day the early-payment discount applies, when the provider states it (fabric `terms_discount_date_due`). */
  discountDueDate: Maybe<Scalars['Date']['output']>;
  /** Early-payment discount, in percent. */
  discountPercent: Maybe<Scalars['Decimal']['output']>;
  /** The date payment is due, when the provider states it. */
  dueDate: Maybe<Scalars['Date']['output']>;
  /** Days after the invoice date within which the net amount is due. */
  netDays: Maybe<Scalars['Int']['output']>;
  /** The classified terms type, when the provider classifies terms (fabric); null otherwise. */
  type: Maybe<PaymentTermsType>;
  /** The provider's raw terms type or terms code (fabric `terms_type`, Ingram Micro `paymentterms`). */
  typeCode: Maybe<Scalars['String']['output']>;
};

/**
 * Payment terms type, from fabric Dropship's `terms_type` options. The raw option text is
 * kept in `PaymentTerms.typeCode`.
 */
export type PaymentTermsType =
  /** fabric option: Basic. */
  | 'BASIC'
  /** fabric option: Cash Discount Terms Apply. */
  | 'CASH_DISCOUNT'
  /** fabric option: Consignment. */
  | 'CONSIGNMENT'
  /** fabric option: Discount Not Applicable. */
  | 'DISCOUNT_NOT_APPLICABLE'
  /** fabric option: End of Month (EOM). */
  | 'END_OF_MONTH'
  /** fabric option: Extended. */
  | 'EXTENDED'
  /** fabric option: Fixed Date. */
  | 'FIXED_DATE'
  /** fabric option: Fixed Date, Late Payment Penalty Applies. */
  | 'FIXED_DATE_LATE_PAYMENT_PENALTY'
  /** fabric option: No Charge. */
  | 'NO_CHARGE'
  /** fabric option: Previously agreed upon. */
  | 'PREVIOUSLY_AGREED'
  /** fabric option: 10 Days After End of Month (10 EOM). */
  | 'TEN_DAYS_AFTER_END_OF_MONTH'
  /** An option fabric's table does not list; read the raw text. */
  | 'UNKNOWN';

/** A supplier whose invoices this subgraph reads. */
export type Provider =
  /** fabric Dropship (formerly RevCascade), merchant invoices. */
  | 'FABRIC'
  /** Ingram Micro (Reseller InvoiceAPI v5 and v6 invoice search). */
  | 'INGRAM_MICRO'
  /** Stuller (api/v2/invoice). */
  | 'STULLER'
  /** TD SYNNEX (XML Invoice API, US and Canada). */
  | 'TD_SYNNEX';

/** A provider that could not answer a lookup. */
export type ProviderFailure = {
  __typename?: 'ProviderFailure';
  /** Why it failed. */
  code: ProviderFailureCode;
  /** A sentence for operators; it never contains credentials or upstream bodies. */
  message: Scalars['String']['output'];
  /** The provider that failed. */
  provider: Provider;
  /** The purchase orders whose invoices are missing because of this failure. */
  purchaseOrderNumbers: Array<Scalars['String']['output']>;
  /** When `code` is RATE_LIMITED: seconds to wait before asking again. */
  retryAfterSeconds: Maybe<Scalars['Int']['output']>;
};

/** Why a provider could not answer. Every code except NOT_CONFIGURED may succeed on a later try. */
export type ProviderFailureCode =
  /** The provider rejected this subgraph's credentials. An operator must fix the configuration. */
  | 'AUTH_FAILED'
  /** The provider answered with something that is not a valid response (malformed, truncated, unexpected shape). */
  | 'BAD_RESPONSE'
  /** The provider is not configured on this subgraph (no credentials). */
  | 'NOT_CONFIGURED'
  /** The provider has no search of this kind (TD SYNNEX has no invoice search; Stuller states no due dates to search by). */
  | 'NOT_SUPPORTED'
  /** The provider's rate limit is exhausted; see `retryAfterSeconds`. */
  | 'RATE_LIMITED'
  /** The provider did not answer within the request's deadline. */
  | 'TIMEOUT'
  /** The provider is down or answered with a server error (5xx) after the retries allowed. */
  | 'UNAVAILABLE';

/**
 * A purchase order, owned by the orders subgraph. This subgraph adds the invoices the
 * suppliers issued against it.
 */
export type PurchaseOrder = {
  __typename?: 'PurchaseOrder';
  /**
   * The same invoices with provider failures and notices as data instead of GraphQL errors:
   * the way to see a failed provider that works the same behind every router.
   */
  invoiceLookup: InvoiceLookup;
  /**
   * The invoices of this purchase order across providers (all configured providers when
   * `providers` is left out). When a provider fails, the invoices of the others are still
   * returned and one GraphQL error per failed provider is added to the response, with
   * `extensions.code` = `PROVIDER_<CODE>`, `extensions.provider` and, where known,
   * `extensions.retryAfterSeconds`.
   *
   * Whether that error reaches you depends on the router: Apollo's gateway delivers it at this
   * field's path; Apollo Router delivers it when configured to include subgraph errors; Hive
   * Gateway drops it, so an outage there looks like fewer invoices. To see failures behind any
   * router, select `invoiceLookup` (or query `invoicesByPurchaseOrder`), which returns them
   * as data.
   */
  invoices: Array<Invoice>;
  /** The customer purchase-order number. */
  number: Scalars['String']['output'];
};


/**
 * A purchase order, owned by the orders subgraph. This subgraph adds the invoices the
 * suppliers issued against it.
 */
export type PurchaseOrderInvoiceLookupArgs = {
  providers?: InputMaybe<Array<Provider>>;
};


/**
 * A purchase order, owned by the orders subgraph. This subgraph adds the invoices the
 * suppliers issued against it.
 */
export type PurchaseOrderInvoicesArgs = {
  providers?: InputMaybe<Array<Provider>>;
};

export type Query = {
  __typename?: 'Query';
  /** One invoice by its provider and invoice number; null when the provider does not know it. */
  invoice: Maybe<Invoice>;
  /**
   * Invoices across every provider that can search, newest invoice date first; invoices of the
   * same day by provider (in `Provider` order), then by number. Read every page by passing the
   * previous page's `pageInfo.endCursor` as `after` while `pageInfo.hasNextPage` is true: each
   * matching invoice comes exactly once, in that order, as long as no new invoice arrives
   * meanwhile. `first` is at most 100.
   *
   * The filter must bound the invoice date or the due date with both ends, over at most 93 days;
   * anything else is a `BAD_USER_INPUT` error before any provider is asked. A page asks each
   * provider at most once for the invoices' header fields (number, dates, status, amounts); the
   * fields only a provider's detail call gives (Ingram Micro lines, addresses, serial numbers,
   * the currency of its amounts) are fetched per invoice, and only when selected.
   *
   * A page may hold fewer than `first` invoices, even none, while `hasNextPage` is true (a
   * provider's list had to be read in a narrower date window, or the subgraph filtered out what
   * a provider cannot filter itself): keep following `endCursor`.
   */
  invoices: InvoiceSearchResult;
  /**
   * The invoices of up to 100 purchase orders across providers (all configured providers when
   * `providers` is left out). Failures of single providers are listed in `failures`; the other
   * providers' invoices are still returned.
   */
  invoicesByPurchaseOrder: InvoiceLookup;
  /** The translated reason-code tables (both when `kind` is left out), for filters and legends. */
  reasonCodes: Array<ReasonCode>;
  /**
   * fabric's acknowledge workflow: a page of invoices this retailer has not acknowledged yet,
   * oldest first. Reading never acknowledges anything; call `acknowledgeInvoices` once the
   * invoices are safely stored. The cursor stays correct when invoices are acknowledged
   * between pages. `first` is at most 100.
   */
  unacknowledgedInvoices: InvoiceConnection;
};


export type QueryInvoiceArgs = {
  number: Scalars['String']['input'];
  provider: Provider;
};


export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter: InvoiceFilter;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInvoicesByPurchaseOrderArgs = {
  providers?: InputMaybe<Array<Provider>>;
  purchaseOrderNumbers: Array<Scalars['String']['input']>;
};


export type QueryReasonCodesArgs = {
  kind?: InputMaybe<ReasonCodeKind>;
};


export type QueryUnacknowledgedInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A coded reason with the vendor's own description. */
export type ReasonCode = {
  /** The raw code exactly as the vendor sent it (for example `C3`). */
  code: Scalars['String']['output'];
  /** The vendor's description of the code. */
  description: Scalars['String']['output'];
  /**
   * Which table the code belongs to. The two tables share codes (BO, IN, RP, SB and WT mean
   * different things in each), so a code is only unique together with its kind.
   */
  kind: ReasonCodeKind;
};

/** Which reason-code table to list. */
export type ReasonCodeKind =
  /** Ingram Micro credit memo reasons (why a credit memo was issued). */
  | 'CREDIT_MEMO'
  /** Ingram Micro hold reasons (why an open order is on hold). */
  | 'HOLD';

/** Something a provider's part of a search page says besides its invoices. */
export type SearchNotice = {
  __typename?: 'SearchNotice';
  /**
   * `STALE`: the provider could not answer now and its invoices on this page come from its last
   * answer to the same search; their `retrievedAt` says how old it is, and the message names the failure.
   */
  code: LookupNoticeCode;
  /** A sentence for operators; it never contains credentials or upstream bodies. */
  message: Scalars['String']['output'];
  /** The provider it is about. */
  provider: Provider;
};

/** A serial number of a shipped unit. */
export type SerialNumber = {
  __typename?: 'SerialNumber';
  /** The delivery (shipment) the unit left in, when the provider names it (Ingram Micro `deliverynumber`). */
  deliveryNumber: Maybe<Scalars['String']['output']>;
  /** The serial number exactly as the provider sent it: leading zeros kept, a vendor prefix such as `SN:` removed. */
  value: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Invoice: Invoice;
  PurchaseOrder: PurchaseOrder;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  PurchaseOrder:
    ( { __typename: 'PurchaseOrder' }
    & GraphQLRecursivePick<FederationTypes['PurchaseOrder'], {"number":true}> );
};


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  ReasonCode:
    | ( CreditMemoReasonCodeModelModel )
    | ( HoldReasonCodeModelModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AcknowledgeResult: ResolverTypeWrapper<AcknowledgeResult>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Address: ResolverTypeWrapper<AddressModelModel>;
  Attribute: ResolverTypeWrapper<Attribute>;
  Brand: ResolverTypeWrapper<Brand>;
  Carrier: ResolverTypeWrapper<CarrierModelModel>;
  Charge: ResolverTypeWrapper<ChargeModelModel>;
  ChargeKind: ChargeKind;
  CreditMemoReason: CreditMemoReason;
  CreditMemoReasonCode: ResolverTypeWrapper<CreditMemoReasonCodeModelModel>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Discrepancy: ResolverTypeWrapper<Discrepancy>;
  DocumentType: DocumentType;
  HoldReason: HoldReason;
  HoldReasonCode: ResolverTypeWrapper<HoldReasonCodeModelModel>;
  Invoice: ResolverTypeWrapper<InvoiceModelModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InvoiceAcceptance: ResolverTypeWrapper<InvoiceAcceptanceModelModel>;
  InvoiceAcceptanceState: InvoiceAcceptanceState;
  InvoiceConnection: ResolverTypeWrapper<InvoiceConnectionModelModel>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  InvoiceFilter: InvoiceFilter;
  InvoiceLookup: ResolverTypeWrapper<InvoiceLookupModelModel>;
  InvoiceSearchResult: ResolverTypeWrapper<InvoiceSearchResultModelModel>;
  InvoiceStatus: InvoiceStatus;
  Line: ResolverTypeWrapper<LineModelModel>;
  LookupNotice: ResolverTypeWrapper<LookupNotice>;
  LookupNoticeCode: LookupNoticeCode;
  Metal: Metal;
  MetalMarketRate: ResolverTypeWrapper<MetalMarketRate>;
  Money: ResolverTypeWrapper<MoneyModelModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PaymentTerms: ResolverTypeWrapper<PaymentTermsModelModel>;
  PaymentTermsType: PaymentTermsType;
  Provider: Provider;
  ProviderFailure: ResolverTypeWrapper<ProviderFailureModelModel>;
  ProviderFailureCode: ProviderFailureCode;
  PurchaseOrder: ResolverTypeWrapper<PurchaseOrderModelModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReasonCode: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['ReasonCode']>;
  ReasonCodeKind: ReasonCodeKind;
  SearchNotice: ResolverTypeWrapper<SearchNoticeModelModel>;
  SerialNumber: ResolverTypeWrapper<SerialNumberModelModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AcknowledgeResult: AcknowledgeResult;
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Address: AddressModelModel;
  Attribute: Attribute;
  Brand: Brand;
  Carrier: CarrierModelModel;
  Charge: ChargeModelModel;
  CreditMemoReasonCode: CreditMemoReasonCodeModelModel;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Discrepancy: Discrepancy;
  HoldReasonCode: HoldReasonCodeModelModel;
  Invoice: InvoiceModelModel;
  Int: Scalars['Int']['output'];
  InvoiceAcceptance: InvoiceAcceptanceModelModel;
  InvoiceConnection: InvoiceConnectionModelModel;
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  InvoiceFilter: InvoiceFilter;
  InvoiceLookup: InvoiceLookupModelModel;
  InvoiceSearchResult: InvoiceSearchResultModelModel;
  Line: LineModelModel;
  LookupNotice: LookupNotice;
  MetalMarketRate: MetalMarketRate;
  Money: MoneyModelModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PaymentTerms: PaymentTermsModelModel;
  ProviderFailure: ProviderFailureModelModel;
  PurchaseOrder: PurchaseOrderModelModel;
  Query: Record<PropertyKey, never>;
  ReasonCode: ResolversInterfaceTypes<ResolversParentTypes>['ReasonCode'];
  SearchNotice: SearchNoticeModelModel;
  SerialNumber: SerialNumberModelModel;
};

export type AcknowledgeResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AcknowledgeResult'] = ResolversParentTypes['AcknowledgeResult']> = {
  acknowledged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type AddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  accountNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  addressType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  alternatePhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  attention?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  city?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fax?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  taxId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AttributeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Attribute'] = ResolversParentTypes['Attribute']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BrandResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Brand'] = ResolversParentTypes['Brand']> = {
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CarrierResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Carrier'] = ResolversParentTypes['Carrier']> = {
  accountNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serviceName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  trackingUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ChargeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Charge'] = ResolversParentTypes['Charge']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChargeKind'], ParentType, ContextType>;
};

export type CreditMemoReasonCodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditMemoReasonCode'] = ResolversParentTypes['CreditMemoReasonCode']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReasonCodeKind'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['CreditMemoReason'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DiscrepancyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Discrepancy'] = ResolversParentTypes['Discrepancy']> = {
  actual?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lineNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HoldReasonCodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HoldReasonCode'] = ResolversParentTypes['HoldReasonCode']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReasonCodeKind'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['HoldReason'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acceptance?: Resolver<Maybe<ResolversTypes['InvoiceAcceptance']>, ParentType, ContextType>;
  acknowledgedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  amountDue?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  archived?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  attributes?: Resolver<Array<ResolversTypes['Attribute']>, ParentType, ContextType>;
  billTo?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  boxCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  brand?: Resolver<Maybe<ResolversTypes['Brand']>, ParentType, ContextType>;
  canceledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  carrier?: Resolver<Maybe<ResolversTypes['Carrier']>, ParentType, ContextType>;
  charges?: Resolver<Array<ResolversTypes['Charge']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  companyCurrency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  connectionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  creditMemoReason?: Resolver<Maybe<ResolversTypes['CreditMemoReasonCode']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  discount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  discrepancies?: Resolver<Array<ResolversTypes['Discrepancy']>, ParentType, ContextType>;
  documentType?: Resolver<ResolversTypes['DocumentType'], ParentType, ContextType>;
  documentTypeCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  endUserOrderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  exchangeRate?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  freight?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  holdReason?: Resolver<Maybe<ResolversTypes['HoldReasonCode']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  invoicedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['Line']>, ParentType, ContextType>;
  metalMarketRates?: Resolver<Array<ResolversTypes['MetalMarketRate']>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  orderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orderStatus?: Resolver<Maybe<ResolversTypes['OrderStatus']>, ParentType, ContextType>;
  orderStatusCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orderedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  originalDocumentNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  originalInvoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  purchaseOrder?: Resolver<Maybe<ResolversTypes['PurchaseOrder']>, ParentType, ContextType>;
  purchaseOrderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  referenceNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remitTo?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  retrievedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shipDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  shipFrom?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  shipTo?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  shippedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  soldTo?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['InvoiceStatus']>, ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subtotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  tax?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  terms?: Resolver<Maybe<ResolversTypes['PaymentTerms']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  trackingNumbers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  weight?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type InvoiceAcceptanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceAcceptance'] = ResolversParentTypes['InvoiceAcceptance']> = {
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['InvoiceAcceptanceState'], ParentType, ContextType>;
  stateCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InvoiceConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type InvoiceEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
};

export type InvoiceLookupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceLookup'] = ResolversParentTypes['InvoiceLookup']> = {
  failures?: Resolver<Array<ResolversTypes['ProviderFailure']>, ParentType, ContextType>;
  invoices?: Resolver<Array<ResolversTypes['Invoice']>, ParentType, ContextType>;
  notices?: Resolver<Array<ResolversTypes['LookupNotice']>, ParentType, ContextType>;
};

export type InvoiceSearchResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceSearchResult'] = ResolversParentTypes['InvoiceSearchResult']> = {
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  failures?: Resolver<Array<ResolversTypes['ProviderFailure']>, ParentType, ContextType>;
  notices?: Resolver<Array<ResolversTypes['SearchNotice']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type LineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Line'] = ResolversParentTypes['Line']> = {
  attributes?: Resolver<Array<ResolversTypes['Attribute']>, ParentType, ContextType>;
  backorderEta?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  customerLineNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  extendedPrice?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  manufacturerPartNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quantityBackordered?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  quantityOrdered?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  quantityShipped?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  serialNumbers?: Resolver<Array<ResolversTypes['SerialNumber']>, ParentType, ContextType>;
  sku?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  specialBidNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  trackingNumbers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  unitOfMeasure?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unitPrice?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  upc?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  warehouse?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LookupNoticeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LookupNotice'] = ResolversParentTypes['LookupNotice']> = {
  code?: Resolver<ResolversTypes['LookupNoticeCode'], ParentType, ContextType>;
  invoiceNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  purchaseOrderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MetalMarketRateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetalMarketRate'] = ResolversParentTypes['MetalMarketRate']> = {
  adder?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  base?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  metal?: Resolver<ResolversTypes['Metal'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acknowledgeInvoices?: Resolver<Array<ResolversTypes['AcknowledgeResult']>, ParentType, ContextType, RequireFields<MutationAcknowledgeInvoicesArgs, 'ids'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PaymentTermsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentTerms'] = ResolversParentTypes['PaymentTerms']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  discountDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  discountDueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  discountPercent?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  netDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['PaymentTermsType']>, ParentType, ContextType>;
  typeCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProviderFailureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProviderFailure'] = ResolversParentTypes['ProviderFailure']> = {
  code?: Resolver<ResolversTypes['ProviderFailureCode'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  purchaseOrderNumbers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type PurchaseOrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseOrder'] = ResolversParentTypes['PurchaseOrder'], FederationReferenceType extends FederationReferenceTypes['PurchaseOrder'] = FederationReferenceTypes['PurchaseOrder']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PurchaseOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  invoiceLookup?: Resolver<ResolversTypes['InvoiceLookup'], ParentType, ContextType, Partial<PurchaseOrderInvoiceLookupArgs>>;
  invoices?: Resolver<Array<ResolversTypes['Invoice']>, ParentType, ContextType, Partial<PurchaseOrderInvoicesArgs>>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'number' | 'provider'>>;
  invoices?: Resolver<ResolversTypes['InvoiceSearchResult'], ParentType, ContextType, RequireFields<QueryInvoicesArgs, 'filter' | 'first'>>;
  invoicesByPurchaseOrder?: Resolver<ResolversTypes['InvoiceLookup'], ParentType, ContextType, RequireFields<QueryInvoicesByPurchaseOrderArgs, 'purchaseOrderNumbers'>>;
  reasonCodes?: Resolver<Array<ResolversTypes['ReasonCode']>, ParentType, ContextType, Partial<QueryReasonCodesArgs>>;
  unacknowledgedInvoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, RequireFields<QueryUnacknowledgedInvoicesArgs, 'first'>>;
};

export type ReasonCodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReasonCode'] = ResolversParentTypes['ReasonCode']> = {
  __resolveType: TypeResolveFn<'CreditMemoReasonCode' | 'HoldReasonCode', ParentType, ContextType>;
};

export type SearchNoticeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchNotice'] = ResolversParentTypes['SearchNotice']> = {
  code?: Resolver<ResolversTypes['LookupNoticeCode'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
};

export type SerialNumberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SerialNumber'] = ResolversParentTypes['SerialNumber']> = {
  deliveryNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AcknowledgeResult?: AcknowledgeResultResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  Attribute?: AttributeResolvers<ContextType>;
  Brand?: BrandResolvers<ContextType>;
  Carrier?: CarrierResolvers<ContextType>;
  Charge?: ChargeResolvers<ContextType>;
  CreditMemoReasonCode?: CreditMemoReasonCodeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Discrepancy?: DiscrepancyResolvers<ContextType>;
  HoldReasonCode?: HoldReasonCodeResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceAcceptance?: InvoiceAcceptanceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  InvoiceLookup?: InvoiceLookupResolvers<ContextType>;
  InvoiceSearchResult?: InvoiceSearchResultResolvers<ContextType>;
  Line?: LineResolvers<ContextType>;
  LookupNotice?: LookupNoticeResolvers<ContextType>;
  MetalMarketRate?: MetalMarketRateResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PaymentTerms?: PaymentTermsResolvers<ContextType>;
  ProviderFailure?: ProviderFailureResolvers<ContextType>;
  PurchaseOrder?: PurchaseOrderResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReasonCode?: ReasonCodeResolvers<ContextType>;
  SearchNotice?: SearchNoticeResolvers<ContextType>;
  SerialNumber?: SerialNumberResolvers<ContextType>;
};

