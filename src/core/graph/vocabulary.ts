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
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private fresh: string[] = [];

  /** `producer` names this vocabulary among those whose tallies meet in one build. */
  constructor(readonly producer: number) {}

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      // A copy: a word cut from a cable's text would keep the whole text alive as long as the
      // vocabulary (a build's worker ran out of memory holding tens of thousands of cables).
      const own = unshared(word);
      this.ids.set(own, id);
      this.fresh.push(own);
    }
    return id;
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
