import nlp from "compromise";

/** A word of a sentence as compromise tags it, with its place in the sentence. */
export interface Token {
  text: string;
  /** Lower case; a contraction's hidden word is spelt out ("didn't" → "did", "" → "not"). */
  lower: string;
  tags: ReadonlySet<string>;
  /** Index in the sentence of the first character (for the hidden half of a contraction: its word). */
  start: number;
  /** The punctuation and space after the word ("," "." ": "). */
  post: string;
  /** Starts with a capital letter in the text. */
  capital: boolean;
}

interface Term {
  text: string;
  normal?: string;
  implicit?: string;
  post?: string;
  tags: Set<string>;
}

const lexicon = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one
  .lexicon;

/** The tag(s) compromise's dictionary gives a lower-case word, if it knows it. */
export function dictionaryTags(word: string): string[] {
  const entry = lexicon[word];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

/** Tags a sentence with compromise: one call per sentence, the words in order, hyphenated words joined. */
export function tagSentence(text: string): Token[] {
  const docs = (nlp(text) as unknown as { docs: Term[][] }).docs;
  const tokens: Token[] = [];
  let cursor = 0;
  let joinNext = false;
  for (const sentence of docs) {
    for (const term of sentence) {
      const found = term.text ? text.indexOf(term.text, cursor) : -1;
      const start = found === -1 ? cursor : found;
      if (found !== -1) cursor = found + term.text.length;
      const lower = (term.implicit ?? term.normal ?? term.text).toLowerCase();
      const previous = tokens[tokens.length - 1];
      if (joinNext && previous) {
        previous.text += `-${term.text}`;
        previous.lower += `-${lower}`;
        previous.tags = new Set([...term.tags, "Hyphenated"]);
        previous.post = term.post ?? "";
      } else {
        tokens.push({
          text: term.text,
          lower,
          tags: term.tags,
          start,
          post: term.post ?? "",
          capital: /^\p{Lu}/u.test(term.text),
        });
      }
      joinNext = term.post === "-";
    }
  }
  return tokens;
}

/** Sentence → tokens for one lint run, so each sentence is tagged once whatever the number of rules. */
export class TagCache {
  private readonly cache = new Map<string, Token[]>();

  tokens(text: string): Token[] {
    let tokens = this.cache.get(text);
    if (!tokens) {
      tokens = tagSentence(text);
      this.cache.set(text, tokens);
    }
    return tokens;
  }
}
