/**
 * Words (entity keys, surface forms, types) numbered where cables are tallied, so that a word
 * crosses from a build's worker thread to the main thread once, not once per cable it occurs in,
 * and the main thread looks it up once per worker instead of hashing every key and form of every
 * cable (at Cablegate's scale that hashing was a sixth of its reading time).
 *
 * A `Vocabulary` numbers the words of one producer (a worker thread, or the main thread itself)
 * in order of first use; each tally carries the words numbered since the previous one. A
 * `WordBook` is the consumer's copy of one producer's vocabulary: it must see that producer's
 * tallies in the order they were made, which the build's ordered hand-over guarantees.
 */

/** A key's forms and their word numbers, while they are few. */
interface KeyForms {
  words: string[];
  ids: number[];
}

const FORMS_IN_A_LIST = 8;

export class Vocabulary {
  /** Keys by their number among the keys; per key, its word number and its forms with theirs. */
  private readonly keys = new Map<string, number>();
  private readonly keyWords: number[] = [];
  private readonly forms: (KeyForms | Map<string, number>)[] = [];
  /** Words of a small set (mention types). */
  private readonly names = new Map<string, number>();
  private fresh: string[] = [];
  private words = 0;

  /** `producer` names this vocabulary among those whose tallies meet in one build. */
  constructor(readonly producer: number) {}

  /** Key `key`'s number among the keys (not its word number: see `keyWord`). */
  key(key: string): number {
    let k = this.keys.get(key);
    if (k === undefined) {
      k = this.keys.size;
      const own = unshared(key);
      this.keys.set(own, k);
      this.keyWords.push(this.number(own));
      this.forms.push({ words: [], ids: [] });
    }
    return k;
  }

  keyWord(k: number): number {
    return this.keyWords[k]!;
  }

  /**
   * The word number of `form` as a surface form of key number `k`. A key has a few forms: looked
   * for among them, a form costs no look-up in a table of millions (which was a tenth of a
   * worker's time). A form of two keys is two words; the consumer names both the same.
   */
  form(k: number, form: string): number {
    const forms = this.forms[k]!;
    if (forms instanceof Map) {
      const word = forms.get(form);
      if (word !== undefined) return word;
    } else {
      for (let i = 0; i < forms.words.length; i++) if (forms.words[i] === form) return forms.ids[i]!;
    }
    const own = unshared(form);
    const word = this.number(own);
    if (forms instanceof Map) forms.set(own, word);
    else if (forms.words.length < FORMS_IN_A_LIST) {
      forms.words.push(own);
      forms.ids.push(word);
    } else {
      // A hub (a country, a redaction) has hundreds of forms: past a few, a map beats the list.
      const map = new Map(forms.words.map((w, i) => [w, forms.ids[i]!]));
      map.set(own, word);
      this.forms[k] = map;
    }
    return word;
  }

  /** The word number of a name from a small set (a mention type). */
  name(name: string): number {
    let word = this.names.get(name);
    if (word === undefined) this.names.set(name, (word = this.number(name)));
    return word;
  }

  private number(word: string): number {
    this.fresh.push(word);
    return this.words++;
  }

  /** The words numbered since the last call, in the order of their numbers. */
  take(): string[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/**
 * `word` in a string of its own. V8 makes a long substring a view of the string it was cut from;
 * the concatenation is flattened when sliced, so the slice keeps one character more than it
 * needs instead of the whole cable.
 */
function unshared(word: string): string {
  return (' ' + word).slice(1);
}

/** What a consumer is told of a producer's words with each tally. */
export interface NumberedWords {
  producer: number;
  /** Words numbered first for this tally (they follow the producer's earlier ones). */
  words: readonly string[];
}

/**
 * One producer's words on the consumer's side, each translated into the consumer's own numbers
 * (an entity id, a form id) at most once per kind.
 */
export class WordBook {
  private readonly words: string[] = [];
  /** Per kind of translation, per word: the consumer's number + 1 (0: not translated yet). */
  private readonly translated: number[][];

  constructor(kinds: number) {
    this.translated = Array.from({ length: kinds }, () => []);
  }

  learn(words: readonly string[]): void {
    for (const word of words) {
      this.words.push(word);
      for (const t of this.translated) t.push(0);
    }
  }

  word(id: number): string {
    const word = this.words[id];
    if (word === undefined) throw new RangeError(`word ${id} was never numbered: tallies were handed over out of order`);
    return word;
  }

  /** Word `id` in the consumer's numbers of `kind`, asking `number` for it the first time. */
  translate(kind: number, id: number, number: (word: string) => number): number {
    const t = this.translated[kind]!;
    const known = t[id];
    if (known === undefined) this.word(id);
    else if (known > 0) return known - 1;
    const n = number(this.words[id]!);
    t[id] = n + 1;
    return n;
  }
}

/** The books of every producer a consumer hears from. */
export class WordBooks {
  private readonly books = new Map<number, WordBook>();

  constructor(private readonly kinds: number) {}

  /** The book of `numbered.producer`, after learning the words it brings. */
  learn(numbered: NumberedWords): WordBook {
    let book = this.books.get(numbered.producer);
    if (book === undefined) this.books.set(numbered.producer, (book = new WordBook(this.kinds)));
    book.learn(numbered.words);
    return book;
  }

  /** Forgets every word, once no more tallies come. */
  clear(): void {
    this.books.clear();
  }
}
