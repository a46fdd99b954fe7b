/**
 * Export: the stored graph in one of the formats. Line formats stream record by record; GEXF and GraphML are
 * built as one graphology document (people as nodes, KNOWS ties and aggregated influence as edges). Records come
 * out in a fixed order (people and events by id, ties by their two people, introductions and dismissals by time
 * then id), not in the store's, so exporting what an export imported gives the same file.
 */
import type { Writable } from 'node:stream';
import { ValidationError } from '../domain/errors.ts';
import type { Dismissal, InfluenceEvent, Introduction, Person, Tie } from '../domain/model.ts';
import type { GraphRepository } from '../store/graph.repository.ts';
import { EXPORT_FORMAT_NAMES, FORMATS, streamExport, writeExport, type ExportFormatName, type StreamingExportFormatName } from './formats/index.ts';

export function exportMediaType(format: ExportFormatName): string {
  return FORMATS[format].mediaType;
}

export function checkExportFormat(format: string): ExportFormatName {
  if (!(EXPORT_FORMAT_NAMES as readonly string[]).includes(format)) {
    throw new ValidationError(`Cannot export format "${format}"; exportable formats: ${EXPORT_FORMAT_NAMES.join(', ')}`, { format });
  }
  return format as ExportFormatName;
}

export class ExportService {
  constructor(private readonly graph: GraphRepository) {}

  /** Writes the export to `out` (not ended); returns the number of records written. */
  async export(formatName: string, out: Writable): Promise<number> {
    const format = checkExportFormat(formatName);
    switch (format) {
      case 'people-csv':
        return this.pipe(format, await this.people(), out);
      case 'ties-csv':
        return this.pipe(format, await this.ties(), out);
      case 'events-ndjson':
        return this.pipe(format, await this.collect<InfluenceEvent>((f) => this.graph.streamEvents(f)), out);
      case 'introductions-csv':
        return this.pipe(format, await this.introductions(), out);
      case 'dismissals-csv':
        return this.pipe(format, await this.dismissals(), out);
      case 'gexf':
      case 'graphml': {
        const people = await this.people();
        const ties = await this.ties();
        const events = await this.collect<InfluenceEvent>((f) => this.graph.streamEvents(f));
        const introductions = await this.introductions();
        await write(out, writeExport(format, { people, ties, events, introductions }));
        return people.length + ties.length + introductions.length;
      }
    }
  }

  private async people(): Promise<Person[]> {
    return (await this.collect<Person>((f) => this.graph.streamPeople(f))).sort((x, y) => order(x.id, y.id));
  }

  private async ties(): Promise<Tie[]> {
    return (await this.collect<Tie>((f) => this.graph.streamTies(f))).sort((x, y) => order(x.from, y.from) || order(x.to, y.to));
  }

  private async introductions(): Promise<Introduction[]> {
    return (await this.collect<Introduction>((f) => this.graph.streamIntroductions(f))).sort((x, y) => order(x.at, y.at) || order(x.id, y.id));
  }

  private async dismissals(): Promise<Dismissal[]> {
    return (await this.collect<Dismissal>((f) => this.graph.streamDismissals(f))).sort((x, y) => order(x.at, y.at) || order(x.id, y.id));
  }

  private async collect<T>(stream: (onRow: (row: T) => void) => Promise<number>): Promise<T[]> {
    const rows: T[] = [];
    await stream((r) => rows.push(r));
    return rows;
  }

  private async pipe<F extends StreamingExportFormatName>(
    format: F,
    records: Parameters<typeof streamExport<F>>[1],
    out: Writable,
  ): Promise<number> {
    let n = 0;
    for await (const chunk of streamExport(format, records)) await write(out, chunk);
    for (const _ of records as Iterable<unknown>) n += 1;
    return n;
  }
}

/** Code-unit order (as Cypher's ORDER BY on strings), the same on every machine and locale. */
function order(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(chunk, (err) => (err ? reject(err) : undefined))) resolve();
    else out.once('drain', resolve);
  });
}
