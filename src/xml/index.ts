// Hardened XML decoding, shared by the XML providers (TD SYNNEX now, Stuller's DataContract XML later).
export { createXmlDecoder, XML_ATTRIBUTE_PREFIX, XML_TEXT_KEY, type XmlDecoder, type XmlDecoderOptions } from "./decoder.js";
export { XmlDecodeError, isXmlDecodeError, type XmlDecodeReason } from "./errors.js";
export { prescanXml } from "./prescan.js";
