// The `stopword` package ships no types; these are the parts Hindsight uses.
declare module "stopword" {
  /** English stop words, lower case. */
  export const eng: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}
