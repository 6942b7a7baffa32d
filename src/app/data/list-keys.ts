/**
 * The sort keys (cable, day, entities) of a list of paragraphs: from the dataset's paragraph-keys
 * shards, a few kilobytes each, so ordering the 1,369 paragraphs of Iran by date costs one small
 * file, not their texts. A dataset without those shards (hand-made, or older) gives the same keys
 * from the paragraph and cable records, slower.
 */
import { PARAGRAPH_KEYS_PER_SHARD } from '../../core/dataset/format.ts';
import { dayNumber } from '../../core/days.ts';
import type { ListKeys } from '../panels/paragraph-order.ts';
import type { Dataset } from './dataset.ts';

export async function loadListKeys(dataset: Dataset, ids: readonly number[]): Promise<ListKeys> {
  const keys: ListKeys = { cable: new Uint32Array(ids.length), day: new Float64Array(ids.length), entities: new Uint32Array(ids.length) };
  const byShard = new Map<number, number[]>();
  ids.forEach((id, i) => {
    const shard = Math.floor(id / PARAGRAPH_KEYS_PER_SHARD);
    let positions = byShard.get(shard);
    if (!positions) byShard.set(shard, (positions = []));
    positions.push(i);
  });
  await Promise.all([...byShard].map(async ([shard, positions]) => {
    const decoded = await dataset.paragraphKeys(shard);
    for (const i of positions) {
      if (decoded) {
        const k = ids[i]! - decoded.first;
        if (k < 0 || k >= decoded.cable.length) throw new Error(`paragraph ${ids[i]} is not in paragraph-keys shard ${shard}`);
        keys.cable[i] = decoded.cable[k]!;
        keys.day[i] = decoded.day[k]!;
        keys.entities[i] = decoded.entities[k]!;
      } else {
        const p = await dataset.paragraph(ids[i]!);
        const cable = await dataset.cable(p.cable);
        keys.cable[i] = p.cable;
        keys.day[i] = dayNumber(cable.listing?.date ?? '') ?? Number.NaN;
        keys.entities[i] = new Set(p.mentions.filter((m) => m[2] >= 0).map((m) => m[2])).size;
      }
    }
  }));
  return keys;
}
