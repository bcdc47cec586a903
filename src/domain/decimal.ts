export type DecimalString = string & { readonly __decimal: unique symbol };
