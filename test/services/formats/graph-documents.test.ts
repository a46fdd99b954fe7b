import { describe, expect, it } from 'vitest';
import { errorLines, parseText, valuesOf } from './helpers.ts';

const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="sectors" type="string"/>
      <attribute id="1" title="Offers" type="liststring"/>
      <attribute id="2" title="modularity" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="3" title="trust" type="double"/>
      <attribute id="4" title="since" type="string"/>
    </attributes>
    <nodes>
      <node id="ana" label="Ana Silva">
        <attvalues><attvalue for="0" value="music; humanitarian"/><attvalue for="1" value="[fundraising, stage]"/><attvalue for="2" value="3"/></attvalues>
      </node>
      <node id="omar" label="Omar"/>
      <node id="li"/>
    </nodes>
    <edges>
      <edge id="0" source="ana" target="omar"><attvalues><attvalue for="3" value="0.8"/><attvalue for="4" value="2020-01-05"/></attvalues></edge>
      <edge id="1" source="omar" target="li"/>
      <edge id="2" source="li" target="ana" type="undirected"/>
      <edge id="3" source="ana" target="li" kind="influence" weight="12"/>
    </edges>
  </graph>
</gexf>
`;

describe('gexf import', () => {
  it('maps nodes to people and edges to ties, with defaults', async () => {
    const result = await parseText('gexf', gexf);
    expect(result.errors).toEqual([]);
    expect(valuesOf(result, 'person')).toEqual([
      { id: 'ana', name: 'Ana Silva', sectors: ['music', 'humanitarian'], offers: ['fundraising', 'stage'], seeks: [] },
      { id: 'omar', name: 'Omar', sectors: [], offers: [], seeks: [] },
      { id: 'li', name: 'li', sectors: [], offers: [], seeks: [] },
    ]);
    expect(valuesOf(result, 'tie')).toEqual([
      { from: 'ana', to: 'omar', trust: 0.8, since: '2020-01-05T00:00:00.000Z', lastContact: null },
      { from: 'omar', to: 'li', trust: 0.5, since: null, lastContact: null },
      { from: 'li', to: 'ana', trust: 0.5, since: null, lastContact: null },
      { from: 'ana', to: 'li', trust: 0.5, since: null, lastContact: null },
    ]);
    expect(result.records.map((entry) => entry.line)).toEqual([14, 17, 18, 21, 22, 23, 23]);
    expect(result.skipped).toEqual([{ line: 24, reason: 'influence edge "3": derived from events, not imported' }]);
  });

  it('reports bad values, undeclared ends and duplicate ids at the element line', async () => {
    const text = `<gexf version="1.3">
<graph defaultedgetype="directed">
<attributes class="edge"><attribute id="trust" title="trust" type="string"/></attributes>
<nodes>
<node id="a"/>
<node id="b"/>
<node id="a"/>
</nodes>
<edges>
<edge id="e1" source="a" target="b"><attvalues><attvalue for="trust" value="1.7"/></attvalues></edge>
<edge id="e2" source="a" target="zed"/>
<edge id="e3" source="b" target="a"><attvalues><attvalue for="trust" value="high"/></attvalues></edge>
<edge id="e3" source="a" target="b"/>
<edge id="e4" source="b" target="b"/>
</edges>
</graph>
</gexf>`;
    const result = await parseText('gexf', text);
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 7: duplicate node id "a" (first at line 5)',
      'line 11: edge target "zed" is not a declared node',
      'line 13: duplicate edge id "e3" (first at line 12)',
      'line 10: edge "e1": attribute "trust" must be between 0 and 1, got 1.7',
      'line 12: edge "e3": attribute "trust": "high" is not a number',
    ]);
    expect(result.skipped).toEqual([{ line: 14, reason: 'self-loop: edge source and target are both "b"' }]);
    expect(valuesOf(result, 'person')).toHaveLength(2);
  });

  it('says when the document is not GEXF', async () => {
    const csv = await parseText('gexf', 'id,name\nana,Ana\n');
    expect(csv.errors).toEqual([
      { line: 1, fatal: true, message: 'line 1: not a gexf document: expected XML starting with <gexf>, got "id,name" (this looks like CSV: use one of the CSV formats)' },
    ]);
    const graphml = await parseText('gexf', '<?xml version="1.0"?>\n<graphml><graph/></graphml>');
    expect(graphml.errors[0].message).toBe('line 2: the root element is <graphml>, expected <gexf>; use format graphml');
    const broken = await parseText('gexf', '<gexf>\n<graph x="1" x="2">\n</graph></gexf>');
    expect(broken.errors[0]).toMatchObject({ line: 2, fatal: true });
    expect(broken.errors[0].message).toContain('not well-formed XML');
    const empty = await parseText('gexf', '  \n');
    expect(empty.errors[0].message).toBe('line 1: the gexf document is empty');
  });

  it('refuses a document over the size limit without parsing it', async () => {
    const result = await parseText('gexf', gexf, { maxDocumentBytes: 100 });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toContain('larger than 100 bytes');
    expect(result.records).toEqual([]);
  });
});

describe('graphml import', () => {
  const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="node" attr.name="sectors" attr.type="string"/>
  <key id="d2" for="edge" attr.name="trust" attr.type="double"/>
  <key id="d3" for="edge" attr.name="kind" attr.type="string"/>
  <key id="d4" for="edge" attr.name="introducer" attr.type="string"/>
  <key id="d5" for="edge" attr.name="status" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="ana"><data key="d0">Ana</data><data key="d1">music</data></node>
    <node id="omar"><data key="d0">Omar</data></node>
    <node id="li"/>
    <edge source="ana" target="omar"><data key="d2">0.9</data></edge>
    <edge source="ana" target="omar"><data key="d3">introduction</data><data key="d4">li</data><data key="d5">succeeded</data></edge>
    <edge source="omar" target="ana"><data key="d2">2</data></edge>
  </graph>
</graphml>
`;

  it('maps nodes, ties and introductions, and names errors by line', async () => {
    const result = await parseText('graphml', graphml);
    expect(valuesOf(result, 'person')).toEqual([
      { id: 'ana', name: 'Ana', sectors: ['music'], offers: [], seeks: [] },
      { id: 'omar', name: 'Omar', sectors: [], offers: [], seeks: [] },
      { id: 'li', name: 'li', sectors: [], offers: [], seeks: [] },
    ]);
    expect(valuesOf(result, 'tie')).toEqual([{ from: 'ana', to: 'omar', trust: 0.9, since: null, lastContact: null }]);
    expect(valuesOf(result, 'introduction')).toEqual([
      { introducer: 'li', a: 'ana', b: 'omar', status: 'succeeded', value: null, note: '', outcomeAt: null },
    ]);
    expect(result.errors.map((error) => error.message)).toEqual([
      'line 15: edge from "omar" to "ana": attribute "trust" must be between 0 and 1, got 2',
    ]);
    expect(errorLines(result)).toEqual([15]);
  });

  it('says when the document is GEXF', async () => {
    const result = await parseText('graphml', '<gexf version="1.3"><graph/></gexf>');
    expect(result.errors[0].message).toBe('line 1: the root element is <gexf>, expected <graphml>; use format gexf');
  });
});
