/**
 * events-ndjson: one JSON event per line, shaped like `eventSchema`
 * (`id,title,at,kind,sector,medium,valence,magnitude,fade,drivers:[{person,role}],reached:[{person,weight}]`).
 * Blank lines are ignored. A line that is not JSON is reported with the parser's own message; a JSON value that
 * is not a valid event is reported field by field (`field "valence" must be between -1 and 1, got 2`).
 * Event ids must be unique within the file.
 *
 * Writing: one event per line, keys in schema order, so write → read → write gives the same bytes.
 */
import { eventSchema, type InfluenceEvent } from '../../domain/model.ts';
import type { BatchSink } from './batch-sink.ts';
import { describeIssues } from './issue-messages.ts';
import { excerpt, sniffOtherFormat, type LineParser } from './line-parser.ts';

export class EventsNdjsonParser implements LineParser {
  private sawData = false;
  private readonly firstLines = new Map<string, number>();

  line(text: string, line: number, sink: BatchSink): void {
    const trimmed = text.trim();
    if (trimmed.length === 0) return;
    if (!this.sawData) {
      this.sawData = true;
      if (!trimmed.startsWith('{')) {
        const other = sniffOtherFormat(trimmed);
        sink.fatal(
          line,
          other
            ? `this is ${other}, not events-ndjson`
            : `not events-ndjson: expected a JSON object per line, got ${excerpt(trimmed)}`,
        );
        return;
      }
    }
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      sink.error(line, `invalid JSON: ${(error as Error).message}`);
      return;
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      sink.error(line, `expected a JSON object (one event), got ${Array.isArray(json) ? 'an array' : excerpt(trimmed)}`);
      return;
    }
    const result = eventSchema.safeParse(json, { reportInput: true });
    if (!result.success) {
      const id = (json as { id?: unknown }).id;
      const which = typeof id === 'string' && id.trim().length > 0 ? `event "${id}": ` : '';
      sink.error(line, which + describeIssues(result.error.issues, eventSchema, 'field'));
      return;
    }
    const event = result.data;
    const first = this.firstLines.get(event.id);
    if (first !== undefined) {
      sink.error(line, `duplicate id "${event.id}" (first at line ${first})`);
      return;
    }
    this.firstLines.set(event.id, line);
    sink.record(line, { type: 'event', value: event });
  }

  end(): void {}
}

/** One event as one NDJSON line with its `\n`. */
export function eventLine(event: InfluenceEvent): string {
  const ordered = {
    id: event.id,
    title: event.title,
    at: event.at,
    kind: event.kind,
    sector: event.sector,
    medium: event.medium,
    valence: event.valence,
    magnitude: event.magnitude,
    fade: event.fade,
    drivers: event.drivers.map((driver) => ({ person: driver.person, role: driver.role })),
    reached: event.reached.map((reach) => ({ person: reach.person, weight: reach.weight })),
  };
  return `${JSON.stringify(ordered)}\n`;
}
