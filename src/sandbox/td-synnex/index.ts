// The TD SYNNEX simulator: the XML Invoice API on loopback, for tests and sandbox mode.
export { startTdSynnexSimulator, DEFAULT_SIMULATOR_CREDENTIALS, TD_SYNNEX_PATH } from "./simulator.js";
export type { RecordedTdRequest, TdSynnexSimulator, TdSynnexSimulatorOptions } from "./simulator.js";
export type { TdSynnexControl, TdSynnexFault } from "./control.js";
export { ARCHIVED_REASON, NOT_FOUND_REASON, NOT_INVOICED_REASON, US_PURCHASE_ORDERS, type SampleAnswer } from "./sample-us.js";
export { CA_PURCHASE_ORDERS } from "./sample-ca.js";
