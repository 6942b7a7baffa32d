/**
 * A paragraph shard's bytes, made as its records come: `[`, the records joined by `,`, `]`. Each
 * record is its opening `{"cable":c,` and the rest as its cable's tally wrote it (cable-tally.ts),
 * so the main thread copies bytes and never holds the texts as strings.
 */
import { ByteBuilder } from './byte-builder.ts';

const [OPEN, COMMA, CLOSE] = [0x5b, 0x2c, 0x5d];

export class ParagraphShardBytes {
  private bytes = new ByteBuilder(1 << 20);
  /** Records in the shard so far. */
  count = 0;

  add(cable: number, rest: Uint8Array): void {
    this.bytes.byte(this.count === 0 ? OPEN : COMMA);
    this.bytes.ascii('{"cable":');
    this.bytes.number(cable);
    this.bytes.byte(COMMA);
    this.bytes.copy(rest);
    this.count++;
  }

  /** The shard's bytes; the next record starts a new shard. */
  take(): Uint8Array {
    if (this.count === 0) this.bytes.byte(OPEN);
    this.bytes.byte(CLOSE);
    const shard = this.bytes.view();
    this.bytes = new ByteBuilder(shard.length + 1024);
    this.count = 0;
    return shard;
  }
}
