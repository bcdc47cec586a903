export interface Context { readonly placeholder: true }
