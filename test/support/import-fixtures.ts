/**
 * Small import files, one per importable format (two for snap-temporal: with and without times), with the awkward cases an import must store faithfully: commas,
 * quotes, line breaks (LF and CR), `;` (the list separator of people-csv and neo4j-admin's default array
 * delimiter), U+001F (the bulk importer's list separator, outside lists), unicode, empty strings, -0, integers
 * stored as floats, people only referred to, repeated drivers and introductions the online writes merge.
 */
import type { FormatName, ParseOptions } from '../../src/services/formats/index.ts';

export interface ImportFixture {
  name: string;
  format: FormatName;
  text: string;
  options?: Omit<ParseOptions, 'onProgress'>;
}

const event = (e: Record<string, unknown>): string => `${JSON.stringify(e)}\n`;

export const IMPORT_FIXTURES: ImportFixture[] = [
  {
    name: 'people-csv',
    format: 'people-csv',
    text:
      'id,name,sectors,offers,seeks\n' +
      'ana,"Torres, Ana ""the builder""",technology;finance,engineering;machine learning,funding\n' +
      'omar,"Haddad\nOmar",,mentorship,\n' +
      'zoë,Zoë Ünal 日本 🎵, music ; film ,,\n' +
      '"semi;colon","Name; with; semicolons",a b,c,d\n' +
      '"a,b ""c""",Comma Quote,x,,\n' +
      'unit,"Unit\u001fSeparator",x,y,z\n' +
      'digits-0->1,Arrow Id,,,\n',
  },
  {
    name: 'events-ndjson',
    format: 'events-ndjson',
    text:
      event({
        id: 'e1',
        title: 'Talk, "quoted"; with\nnewline and\r\ncarriage return',
        at: '2024-03-01T10:00:00.123Z',
        kind: 'talk',
        sector: 'technology',
        medium: 'video; live',
        valence: 0.5,
        magnitude: 3,
        drivers: [{ person: 'ana', role: 'host' }, { person: 'omar' }, { person: 'ana', role: 'co-host' }],
        reached: [{ person: 'zoë', weight: 2.5 }, { person: 'zoë', weight: 4 }, { person: 'a,b "c"' }],
      }) +
      event({ id: 'e2', at: '2024-04-01T12:00:00+02:00', drivers: [{ person: 'helena', role: '' }], fade: { model: 'exponential', halfLifeDays: 30 } }) +
      event({
        id: 'e,3 "odd"',
        title: '',
        at: '1900-01-01',
        kind: 'ünïcode 日本',
        valence: -0,
        magnitude: 1e-7,
        fade: { model: 'power', tauDays: 7, alpha: 1.5 },
        drivers: [{ person: 'unit\u001fsep', role: 'a\u001fb' }],
        reached: [{ person: 'ana', weight: 1 }],
      }) +
      event({ id: 'e4', title: 'Broadcast', at: '2030-12-31T23:59:59.999Z', valence: -1, magnitude: 1e21, fade: { model: 'none' }, drivers: [{ person: 'ana' }] }),
  },
  {
    name: 'ties-csv',
    format: 'ties-csv',
    text:
      'from,to,trust,since,lastContact,id\n' +
      'ana,helena,0.9,2020-01-01,2024-05-01T08:30:00Z,\n' +
      'omar,helena,1,,2019-06-01,\n' +
      'helena,ana,0,,,"custom, ""id""; x"\n' +
      'zoë,"a,b ""c""",0.333,1999-12-31T23:59:59.999Z,,\n' +
      '"line\nbreak",ana,,,,\n',
  },
  {
    name: 'introductions-csv',
    format: 'introductions-csv',
    text:
      'id,introducer,a,b,at,status,value,note,outcomeAt\n' +
      'i1,helena,ana,omar,2024-05-02T00:00:00Z,succeeded,1000,"funding, at last; ""finally""\nsee notes",2024-06-10T12:30:00Z\n' +
      ',helena,ana,zoë,2024-06-01,suggested,,,\n' +
      ',helena,ana,zoë,2024-06-01,accepted,2.5,second row of the same introduction,\n' +
      ',omar,ana,"a,b ""c""",,,,no time: the import time,\n' +
      '"i,5",ana,omar,helena,2024-01-01T00:00:00.001Z,failed,-0,,2024-01-01T00:00:00.001Z\n',
  },
  {
    name: 'snap-signed',
    format: 'snap-signed',
    text: '6,2,4,1289241911.72836\n6,5,2,1289241941.53378\n1,15,1,1289243140.39049\n4,3,7,1289245277.36975\n6,2,4,1289241911.72836\n13,13,9,1289254254.44746\n7,1,-10,1289362700.27087\n',
    options: { sector: 'crypto; trading' },
  },
  {
    name: 'snap-temporal',
    format: 'snap-temporal',
    text: '# CollegeMsg-like\n1 2 1082040961\n3 4 1082155839\n5 2 1082414391\n1 2 1082040961\n6 6 1082418500\n2 1 1082546000\n',
  },
  {
    name: 'snap-temporal (two columns: ties)',
    format: 'snap-temporal',
    text: '# Slashdot-like\n# FromNodeId\tToNodeId\n0\t0\n0\t1\n0\t2\n1\t0\n2\t7\n',
    options: { trust: 0.25 },
  },
  {
    name: 'gexf',
    format: 'gexf',
    text: `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="sectors" type="string"/>
      <attribute id="1" title="Offers" type="liststring"/>
    </attributes>
    <attributes class="edge">
      <attribute id="3" title="trust" type="double"/>
      <attribute id="4" title="since" type="string"/>
    </attributes>
    <nodes>
      <node id="ana" label="Ana &quot;Silva&quot;, Jr.&#10;second line">
        <attvalues><attvalue for="0" value="music; humanitarian"/><attvalue for="1" value="[fundraising, stage]"/></attvalues>
      </node>
      <node id="omar" label="Omar &amp; Sons; Ünïcode 日本"/>
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
`,
  },
  {
    name: 'graphml',
    format: 'graphml',
    text: `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="node" attr.name="sectors" attr.type="string"/>
  <key id="d2" for="edge" attr.name="trust" attr.type="double"/>
  <key id="d3" for="edge" attr.name="kind" attr.type="string"/>
  <key id="d4" for="edge" attr.name="introducer" attr.type="string"/>
  <key id="d5" for="edge" attr.name="status" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="ana"><data key="d0">Ana, "quoted"
and more</data><data key="d1">music; film</data></node>
    <node id="omar"><data key="d0">Omar</data></node>
    <node id="li"/>
    <edge source="ana" target="omar"><data key="d2">0.9</data></edge>
    <edge source="ana" target="omar"><data key="d3">introduction</data><data key="d4">li</data><data key="d5">succeeded</data></edge>
    <edge source="omar" target="li"><data key="d2">1</data></edge>
  </graph>
</graphml>
`,
  },
];

/** The time the import services are given as "now" (introductions without a time get it). */
export const FIXED_NOW = new Date('2025-01-15T09:30:00.000Z');
