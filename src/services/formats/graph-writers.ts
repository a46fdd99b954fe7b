/**
 * GEXF and GraphML text of an export graph (see export-graph.ts).
 *
 * GEXF is written by graphology-gexf (version 1.3, read by Gephi 0.9+): a person's name is the node `label`;
 * an edge's `kind` and `weight` are the GEXF edge attributes of those names; everything else is a typed
 * attribute. graphology-graphml 0.5 only parses, so GraphML is written here: one `<key>` per attribute
 * (string, long for integers, double, boolean), `edgedefault="directed"`, UTF-8.
 *
 * Both writers are deterministic: the same graph (same insertion order) gives the same bytes.
 */
import { write as writeGexfDocument } from 'graphology-gexf';
import type { AbstractGraph, Attributes } from 'graphology-types';

export function writeGexf(graph: AbstractGraph): string {
  return writeGexfDocument(graph, {
    version: '1.3',
    pretty: true,
    formatNode: (_key, attributes) => {
      const { name, ...rest } = attributes;
      return { label: typeof name === 'string' ? name : undefined, attributes: rest };
    },
    formatEdge: (_key, attributes) => {
      const { kind, weight, ...rest } = attributes;
      return {
        kind: typeof kind === 'string' ? kind : undefined,
        weight: typeof weight === 'number' ? weight : undefined,
        attributes: rest,
      };
    },
  });
}

type KeyType = 'boolean' | 'long' | 'double' | 'string';

interface KeySpec {
  id: string;
  name: string;
  type: KeyType;
}

export function writeGraphml(graph: AbstractGraph): string {
  const nodeKeys = inferKeys('n', graph.mapNodes((_node, attributes) => attributes));
  const edgeKeys = inferKeys('e', graph.mapEdges((_edge, attributes) => attributes));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [target, keys] of [['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const key of keys.values()) {
      out.push(
        `  <key id="${attribute(key.id)}" for="${target}" attr.name="${attribute(key.name)}" attr.type="${key.type}"/>`,
      );
    }
  }
  out.push('  <graph id="G" edgedefault="directed">');
  graph.forEachNode((node, attributes) => {
    out.push(...element('node', `id="${attribute(node)}"`, attributes, nodeKeys));
  });
  graph.forEachEdge((edge, attributes, source, target, _sourceAttributes, _targetAttributes, undirected) => {
    const head = `id="${attribute(edge)}" source="${attribute(source)}" target="${attribute(target)}"${undirected ? ' directed="false"' : ''}`;
    out.push(...element('edge', head, attributes, edgeKeys));
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

function element(tag: 'node' | 'edge', head: string, attributes: Attributes, keys: Map<string, KeySpec>): string[] {
  const data: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (isEmpty(value)) continue;
    const key = keys.get(name)!;
    data.push(`      <data key="${attribute(key.id)}">${text(String(value))}</data>`);
  }
  if (data.length === 0) return [`    <${tag} ${head}/>`];
  return [`    <${tag} ${head}>`, ...data, `    </${tag}>`];
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));
}

/** One key per attribute name, in order of first appearance, typed by the widest value seen. */
function inferKeys(prefix: string, records: Attributes[]): Map<string, KeySpec> {
  const keys = new Map<string, KeySpec>();
  for (const attributes of records) {
    for (const [name, value] of Object.entries(attributes)) {
      if (isEmpty(value)) continue;
      const type = typeOf(value);
      const known = keys.get(name);
      if (!known) keys.set(name, { id: `${prefix}_${name}`, name, type });
      else known.type = widen(known.type, type);
    }
  }
  return keys;
}

function typeOf(value: unknown): KeyType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function widen(a: KeyType, b: KeyType): KeyType {
  if (a === b) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

/** Characters XML 1.0 cannot carry at all; replaced so the document stays well-formed. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
