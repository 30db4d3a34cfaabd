// The `wink-porter2-stemmer` package ships no types.
declare module "wink-porter2-stemmer" {
  /** The word's Porter2 (Snowball English) stem; give it lower case. */
  export default function stem(word: string): string;
}
