/**
 * The cables as `refs` and the page's cable view see them: found by id, described by their
 * facts and subject, with what they reference and what references them. From the cable table
 * when the dataset has one (an index and the detail shards of the cables shown), else from every
 * cable record (datasets built before the table), with the same answers either way.
 */
import type { CableRecord, CableTableShard } from '../dataset/format.ts';
import { CABLE_TABLE_PER_SHARD, cableTableShardOf } from '../dataset/format.ts';
import type { CableTable } from '../dataset/cable-table.ts';
import { cableRefGraph, findCables, findCablesIn, type CableRef, type CableRefGraph } from './cable-refs.ts';
import { cableFacts, type CableFacts } from './slice-index.ts';

export interface CableDirectory {
  readonly cables: number;
  /** The cables a person means by `id` (`findCables`). */
  find(id: string): number[];
  facts(cable: number): CableFacts;
  /** First paragraph id and number of paragraphs. */
  paragraphs(cable: number): readonly [first: number, count: number];
  subject(cable: number): Promise<string>;
  /** Its REF lines matched to cables, and the cables whose REF lines name it (ascending). */
  refs(cable: number): Promise<{ references: CableRef[]; referencedBy: { cable: number; ref: string }[] }>;
}

/** Where the directory reads from: the core reader and the page's dataset both offer this. */
export interface CableSource {
  cableTable?(): Promise<CableTable | null>;
  cableTableShard?(shard: number): Promise<CableTableShard>;
  cables(): Promise<CableRecord[]>;
}

export async function cableDirectory(source: CableSource): Promise<CableDirectory> {
  const table = source.cableTableShard ? ((await source.cableTable?.()) ?? null) : null;
  return table ? tableDirectory(table, source.cableTableShard!) : recordDirectory(await source.cables());
}

function tableDirectory(table: CableTable, shard: (n: number) => Promise<CableTableShard>): CableDirectory {
  const at = async (c: number) => ({ shard: await shard(cableTableShardOf(c)), i: c % CABLE_TABLE_PER_SHARD });
  return {
    cables: table.cables,
    find: (id) => findCablesIn(table.cables, table.names, id),
    facts: table.facts,
    paragraphs: table.paragraphs,
    async subject(c) {
      const { shard: s, i } = await at(c);
      return s.subjects[i]!;
    },
    async refs(c) {
      const { shard: s, i } = await at(c);
      return {
        references: s.references[i]!.map(([ref, cable]) => ({ ref, cable })),
        referencedBy: s.referencedBy[i]!.map(([cable, ref]) => ({ cable, ref })),
      };
    },
  };
}

function recordDirectory(cables: readonly CableRecord[]): CableDirectory {
  let graph: CableRefGraph | undefined;
  return {
    cables: cables.length,
    find: (id) => findCables(cables, id),
    facts: (c) => cableFacts(cables[c]!),
    paragraphs: (c) => cables[c]!.paragraphs,
    subject: async (c) => cables[c]!.subject,
    async refs(c) {
      graph ??= cableRefGraph(cables);
      return { references: graph.references[c]!, referencedBy: graph.referencedBy[c]! };
    },
  };
}
