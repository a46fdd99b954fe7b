/**
 * The graph view's data and reducers, without a browser: sizes and edge strengths follow the timeline,
 * hover and introduction paths light the right nodes and edges, filters hide what they should, and nothing
 * writes to the graph.
 */
import { describe, expect, it } from 'vitest';
import type { GraphResponse, TimelineResponse } from '../../src/api/contract.ts';
import { communityColors, DIM_NODE_COLOR, glColor, HIGHLIGHT_EDGE_COLOR, OTHER_COLOR, sectorColors, unpremultiply } from '../../client/src/graph/palette.ts';
import { cachedAlpha, focusOf, INITIAL_RENDER_STATE, LIGHT_FOCUS_ABOVE, nodeColor, reduceEdge, reduceNode, type ReducerInputs, type RenderState } from '../../client/src/graph/reducers.ts';
import { attachTimeline, buildScene, computeFrame, LOW_DETAIL_KEEP, needsLayout, positionOf, scaleSize, timeAt, topK, type Scene } from '../../client/src/graph/scene.ts';
import { communityNames, legendEntries, movement, movesCaption, ranksAt } from '../../client/src/panel/legend.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 1);

/** a → b → c chain plus an isolated d; a is a fad (only active at sample 1), c is steady. */
function graphResponse(): GraphResponse {
  return {
    nodes: [
      { id: 'a', name: 'Ada', sectors: ['music'], community: 0, score: 0.5, activity: 10, x: 0, y: 0 },
      { id: 'b', name: 'Ben', sectors: ['finance', 'music'], community: 0, score: 0.3, activity: 5, x: 1, y: 0 },
      { id: 'c', name: 'Cleo', sectors: ['finance'], community: 1, score: 0.2, activity: 5, x: 2, y: 1 },
      { id: 'd', name: 'Dan', sectors: [], community: 2, score: 0, activity: 0, x: 3, y: 3 },
    ],
    edges: [
      { source: 'a', target: 'b', weight: 4 },
      { source: 'b', target: 'c', weight: 1 },
      { source: 'a', target: 'b', weight: 2 }, // parallel: merged
      { source: 'c', target: 'c', weight: 9 }, // self-loop: dropped
      { source: 'c', target: 'zz', weight: 1 }, // unknown node: dropped
    ],
    metric: 'pagerank',
    at: null,
    total: { nodes: 4, edges: 3 },
    communities: 3,
  };
}

function timelineResponse(): TimelineResponse {
  return {
    times: [T0, T0 + 10 * DAY, T0 + 20 * DAY],
    basis: 'activity',
    activity: [11, 111, 11],
    nodes: ['a', 'c', 'b'],
    values: [
      [0, 100, 0],
      [10, 10, 10],
      [1, 1, 1],
    ],
    edges: [
      { source: 'a', target: 'b', values: [0, 8, 0] },
      { source: 'b', target: 'c', values: [1, 1, 1] },
    ],
  };
}

function setup(state: Partial<RenderState> = {}): { scene: Scene; inputs: ReducerInputs } {
  const scene = buildScene(graphResponse());
  attachTimeline(scene, timelineResponse());
  const palette = { community: communityColors(scene.graph.mapNodes((_n, a) => a.community)), sector: sectorColors(['finance', 'music']) };
  const s = { ...INITIAL_RENDER_STATE, ...state };
  const inputs: ReducerInputs = { scene, state: s, palette, focus: null };
  inputs.focus = focusOf(scene, s);
  return { scene, inputs };
}

const node = (inputs: ReducerInputs, id: string) => reduceNode(inputs, id, inputs.scene.graph.getNodeAttributes(id));
const edge = (inputs: ReducerInputs, key: string) => {
  const g = inputs.scene.graph;
  return reduceEdge(inputs, key, g.getEdgeAttributes(key), g.source(key), g.target(key));
};

describe('scene', () => {
  it('builds a directed graph, merging parallel edges and dropping self-loops and dangling edges', () => {
    const { scene } = setup();
    expect(scene.graph.order).toBe(4);
    expect(scene.graph.size).toBe(2);
    expect(scene.graph.getEdgeAttribute('a->b', 'weight')).toBe(6);
    expect(needsLayout(scene)).toBe(false);
    const zero = buildScene({ ...graphResponse(), nodes: graphResponse().nodes.map((n) => ({ ...n, x: 0, y: 0 })) });
    expect(needsLayout(zero)).toBe(true);
  });

  it('maps times to fractional positions and back', () => {
    const { scene } = setup();
    const tl = scene.timeline!;
    expect(positionOf(tl, T0 - DAY)).toBe(0);
    expect(positionOf(tl, T0 + 5 * DAY)).toBeCloseTo(0.5);
    expect(positionOf(tl, T0 + 99 * DAY)).toBe(2);
    expect(timeAt(tl, 1.5)).toBe(T0 + 15 * DAY);
  });

  it('sizes grow with influence (square root) and are clamped', () => {
    const sizes = { min: 2, max: 20, ghost: 1, topLabels: 3 };
    expect(scaleSize(0, 10, sizes)).toBe(0);
    expect(scaleSize(1, 10, sizes)).toBeLessThan(scaleSize(4, 10, sizes));
    expect(scaleSize(15, 10, sizes)).toBe(20);
    expect(scaleSize(1e9, 10, sizes)).toBe(20);
    const quarter = scaleSize(15 / 4, 10, sizes) - 2;
    expect(quarter).toBeCloseTo((20 - 2) / 2);
  });

  it('the frame follows the timeline: the fad swells then vanishes, interpolated between samples', () => {
    const { scene } = setup();
    const a = scene.graph.getNodeAttribute('a', 'i');
    const ab = scene.graph.getEdgeAttribute('a->b', 'j');
    computeFrame(scene, 0);
    expect(scene.frame.nodeValue[a]).toBe(0);
    expect(scene.frame.nodeSize[a]).toBe(0);
    expect(scene.frame.edgeStrength[ab]).toBe(0);
    computeFrame(scene, 1);
    expect(scene.frame.nodeValue[a]).toBe(100);
    expect(scene.frame.nodeSize[a]).toBeCloseTo(scaleSize(100, scene.timeline!.nodeRef, scene.sizes));
    expect(scene.frame.nodeSize[a]).toBeGreaterThan(scene.frame.nodeSize[scene.graph.getNodeAttribute('c', 'i')]! * 2);
    expect(scene.frame.edgeStrength[ab]).toBeGreaterThan(0);
    expect([...scene.frame.topNodes][0]).toBe('a');
    computeFrame(scene, 0.5);
    expect(scene.frame.nodeValue[a]).toBeCloseTo(50);
    computeFrame(scene, 2);
    expect(scene.frame.nodeSize[a]).toBe(0);
  });

  it("the slider's pulse is the network's activity, or on the map of trust how many ties stand", () => {
    const { scene } = setup();
    expect(Array.from(scene.timeline!.totals)).toEqual([11, 111, 11]);
    attachTimeline(scene, { ...timelineResponse(), basis: 'trust', ties: [3, 5, 8] });
    expect(Array.from(scene.timeline!.totals)).toEqual([3, 5, 8]);
    expect(scene.timeline!.basis).toBe('trust');
  });

  it('NaN is the overall view (the static metric scores); nodes outside the timeline keep their overall size', () => {
    const { scene } = setup();
    const i = (id: string) => scene.graph.getNodeAttribute(id, 'i');
    computeFrame(scene, Number.NaN);
    expect(scene.frame.nodeValue[i('a')]).toBeCloseTo(0.5);
    expect(scene.frame.nodeSize[i('a')]).toBeGreaterThan(scene.frame.nodeSize[i('c')]!);
    computeFrame(scene, 1);
    // d is not in the timeline: it keeps its overall size rather than vanishing
    expect(scene.frame.nodeSize[i('d')]).toBe(scene.overall.nodeSize[i('d')]);
  });

  it('topK keeps the k largest positive values in order', () => {
    expect([...topK(['a', 'b', 'c', 'd', 'e'], [3, 0, 5, 4, 1], 3)]).toEqual(['c', 'd', 'a']);
    expect(topK(['a'], [0], 3).size).toBe(0);
  });
});

describe('reducers', () => {
  it('colour by community or by (first) sector', () => {
    const byCommunity = setup();
    const bySector = setup({ colorMode: 'sector' });
    computeFrame(byCommunity.scene, 1);
    computeFrame(bySector.scene, 1);
    expect(node(byCommunity.inputs, 'a').color).toBe(node(byCommunity.inputs, 'b').color);
    expect(node(byCommunity.inputs, 'a').color).not.toBe(node(byCommunity.inputs, 'c').color);
    expect(node(bySector.inputs, 'b').color).toBe(node(bySector.inputs, 'c').color); // both finance first
    expect(node(bySector.inputs, 'a').color).not.toBe(node(bySector.inputs, 'b').color);
  });

  it('a node without influence at this time is a faint unlabelled dot, not hidden', () => {
    const { scene, inputs } = setup();
    computeFrame(scene, 0);
    const a = node(inputs, 'a');
    expect(a.hidden).toBe(false);
    expect(a.size).toBe(scene.sizes.ghost);
    expect(a.label).toBeNull();
    expect(a.color.startsWith('rgba(')).toBe(true);
    computeFrame(scene, 1);
    const lit = node(inputs, 'a');
    expect(lit.size).toBeGreaterThan(node(inputs, 'c').size);
    expect(lit.label).toBe('Ada');
    expect(lit.forceLabel).toBe(true);
  });

  it('edges fade with their decayed weight and vanish at zero', () => {
    const { scene, inputs } = setup();
    computeFrame(scene, 0);
    expect(edge(inputs, 'a->b').hidden).toBe(true);
    computeFrame(scene, 1);
    const strong = edge(inputs, 'a->b');
    const steady = edge(inputs, 'b->c');
    expect(strong.hidden).toBe(false);
    expect(strong.size).toBeGreaterThan(steady.size);
  });

  it('hover lights the neighbourhood and dims the rest, through reducer state only', () => {
    const { scene, inputs } = setup({ hovered: 'b' });
    computeFrame(scene, 1);
    const before = JSON.stringify(scene.graph.export());
    for (const id of ['a', 'b', 'c']) expect(node(inputs, id).color).not.toBe(DIM_NODE_COLOR);
    expect(node(inputs, 'd').color).toBe(DIM_NODE_COLOR);
    expect(node(inputs, 'd').label).toBeNull();
    expect(node(inputs, 'b').forceLabel).toBe(true);
    expect(edge(inputs, 'a->b').hidden).toBe(false);
    expect(edge(inputs, 'b->c').hidden).toBe(false);
    const off = setup({ hovered: 'a' });
    computeFrame(off.scene, 1);
    expect(edge(off.inputs, 'b->c').hidden).toBe(true);
    expect(JSON.stringify(scene.graph.export())).toBe(before);
  });

  it('on a large graph, hover lights the neighbourhood without dimming the rest (so a partial refresh suffices)', () => {
    const n = LIGHT_FOCUS_ABOVE + 1;
    const big = graphResponse();
    big.nodes = Array.from({ length: n }, (_, k) => ({ id: `n${k}`, name: `N${k}`, sectors: [], community: k % 3, score: 1 + (k % 7), activity: 1, x: k % 100, y: Math.floor(k / 100) }));
    big.edges = [
      { source: 'n0', target: 'n1', weight: 1 },
      { source: 'n2', target: 'n3', weight: 1 },
    ];
    const scene = buildScene(big);
    const palette = { community: communityColors(scene.graph.mapNodes((_n, a) => a.community)), sector: sectorColors([]) };
    const state = { ...INITIAL_RENDER_STATE, hovered: 'n0' };
    const inputs: ReducerInputs = { scene, state, palette, focus: focusOf(scene, state) };
    expect(inputs.focus?.light).toBe(true);
    expect(node(inputs, 'n1').zIndex).toBe(3);
    expect(node(inputs, 'n0').forceLabel).toBe(true);
    expect(node(inputs, 'n5').color).not.toBe(DIM_NODE_COLOR);
    expect(edge(inputs, 'n2->n3').hidden).toBe(false);
    expect(edge(inputs, 'n0->n1').zIndex).toBe(2);
    // A path still dims everything else.
    const path = { ...state, hovered: null, path: ['n0', 'n1'] };
    expect(focusOf(scene, path)?.light).toBe(false);
  });

  it('an introduction path lights its three people and the edges between them, in either direction', () => {
    const { scene, inputs } = setup({ path: ['c', 'b', 'a'] });
    computeFrame(scene, 1);
    expect(inputs.focus?.nodes).toEqual(new Set(['a', 'b', 'c']));
    for (const id of ['a', 'b', 'c']) {
      const d = node(inputs, id);
      expect(d.color).not.toBe(DIM_NODE_COLOR);
      expect(d.forceLabel).toBe(true);
      expect(d.zIndex).toBeGreaterThanOrEqual(3);
    }
    expect(node(inputs, 'd').color).toBe(DIM_NODE_COLOR);
    expect(edge(inputs, 'a->b').color).toBe(HIGHLIGHT_EDGE_COLOR);
    expect(edge(inputs, 'b->c').color).toBe(HIGHLIGHT_EDGE_COLOR);
    const partial = setup({ path: ['a', 'nobody', 'c'] });
    expect(partial.inputs.focus?.nodes).toEqual(new Set(['a', 'c']));
  });

  it('a group (a suspected ring) lights its members and every edge among them, and only those', () => {
    const { scene, inputs } = setup({ group: ['a', 'b', 'nobody'] });
    computeFrame(scene, 1);
    expect(inputs.focus?.nodes).toEqual(new Set(['a', 'b']));
    expect(inputs.focus?.center).toBeNull();
    for (const id of ['a', 'b']) expect(node(inputs, id).color).not.toBe(DIM_NODE_COLOR);
    for (const id of ['c', 'd']) expect(node(inputs, id).color).toBe(DIM_NODE_COLOR);
    // lit softly (gold is for a path), and a small group names its members
    expect(edge(inputs, 'a->b').hidden).toBe(false);
    expect(edge(inputs, 'a->b').color).not.toBe(HIGHLIGHT_EDGE_COLOR);
    expect(edge(inputs, 'a->b').zIndex).toBe(2);
    for (const id of ['a', 'b']) expect(node(inputs, id).forceLabel).toBe(true);
    // b → c leaves the group: hidden, not lit
    expect(edge(inputs, 'b->c').hidden).toBe(true);
    // a path, being what the user points at, wins over the group
    expect(setup({ group: ['a', 'b'], path: ['b', 'c'] }).inputs.focus?.nodes).toEqual(new Set(['b', 'c']));
  });

  it('minimum influence hides weak nodes, except the selected one', () => {
    const { scene, inputs } = setup({ minInfluence: 0.5, selected: 'c' });
    computeFrame(scene, 1);
    expect(node(inputs, 'a').hidden).toBe(false);
    expect(node(inputs, 'b').hidden).toBe(true);
    const c = node(inputs, 'c');
    expect(c.hidden).toBe(false);
    expect(c.highlighted).toBe(true);
    expect(c.forceLabel).toBe(true);
  });

  it('the person whose neighbourhood is shown is drawn, ringed and named as the selected one is', () => {
    const { scene, inputs } = setup({ minInfluence: 0.5, neighbourhoodOf: 'c' });
    computeFrame(scene, 1);
    expect(node(inputs, 'b').hidden).toBe(true);
    expect(node(inputs, 'c')).toMatchObject({ hidden: false, highlighted: true, forceLabel: true });
    expect(node(inputs, 'a').highlighted).toBe(false);
  });

  it("on a neighbourhood's map, people further away are fainter, unless a hover lights them", () => {
    // around c: b one step away, a two, d three
    const response = graphResponse();
    const hops: Record<string, number> = { a: 2, b: 1, c: 0, d: 3 };
    response.nodes = response.nodes.map((n) => ({ ...n, hops: hops[n.id]! }));
    const scene = buildScene(response);
    attachTimeline(scene, timelineResponse());
    computeFrame(scene, 1);
    const palette = { community: communityColors(scene.graph.mapNodes((_n, a) => a.community)), sector: sectorColors(['finance', 'music']) };
    const inputs: ReducerInputs = { scene, state: { ...INITIAL_RENDER_STATE, neighbourhoodOf: 'c' }, palette, focus: null };
    const color = (id: string) => node(inputs, id).color;
    const plain = (id: string) => nodeColor(scene.graph.getNodeAttributes(id), 'community', palette);
    expect(color('c')).toBe(plain('c'));
    expect(color('b')).toBe(plain('b'));
    expect(color('a')).toBe(cachedAlpha(plain('a'), 0.6));
    // d, outside the timeline, keeps its overall size, three steps away
    expect(color('d')).toBe(cachedAlpha(plain('d'), 0.35));
    // at a time a has no influence: the faint dot of nobody, fainter still two steps away
    computeFrame(scene, 0);
    expect(color('a')).toBe(cachedAlpha(plain('a'), 0.28 * 0.6));
    // a hover on b lights a at full strength
    computeFrame(scene, 1);
    inputs.state = { ...inputs.state, hovered: 'b' };
    inputs.focus = focusOf(scene, inputs.state);
    expect(color('a')).toBe(plain('a'));
  });

  it('low detail (zoomed out on a large graph) draws only the most influential nodes', () => {
    const n = LOW_DETAIL_KEEP + 500;
    const big = graphResponse();
    big.nodes = Array.from({ length: n }, (_, k) => ({ id: `n${k}`, name: `N${k}`, sectors: [], community: 0, score: k + 1, activity: 1, x: k, y: 0 }));
    big.edges = [];
    const scene = buildScene(big);
    const palette = { community: communityColors([0]), sector: sectorColors([]) };
    const state = { ...INITIAL_RENDER_STATE, lowDetail: true, selected: 'n0' };
    const inputs: ReducerInputs = { scene, state, palette, focus: null };
    let drawn = 0;
    scene.graph.forEachNode((id) => {
      if (!node(inputs, id).hidden) drawn++;
    });
    expect(drawn).toBe(LOW_DETAIL_KEEP + 1); // the top LOW_DETAIL_KEEP, plus the selected one
    expect(node(inputs, 'n0').hidden).toBe(false);
    expect(node(inputs, 'n1').hidden).toBe(true);
    expect(node(inputs, `n${n - 1}`).hidden).toBe(false);
    // Small graphs are never thinned.
    const small = setup({ lowDetail: true });
    computeFrame(small.scene, 1);
    expect(node(small.inputs, 'b').hidden).toBe(false);
  });
});

describe('palette', () => {
  it('premultiplies translucent colours for WebGL and can undo it for exports', () => {
    expect(glColor('#ff8000', 0.5)).toBe('rgba(128,64,0,0.5)');
    expect(glColor('#ff8000', 1)).toBe('rgba(255,128,0,1)');
    expect(unpremultiply('rgba(128,64,0,0.5)')).toBe('rgba(255,128,0,0.5)');
    expect(unpremultiply('#123456')).toBe('#123456');
  });

  it('gives the largest communities the distinct colours', () => {
    const colors = communityColors([5, 5, 5, 2, 2, 9]);
    expect(colors.get(5)).not.toBe(colors.get(2));
    expect(colors.size).toBe(3);
    // a community of one is no group: it shares the neutral grey of "other"
    expect(colors.get(9)).toBe(OTHER_COLOR);
    expect(colors.get(2)).not.toBe(OTHER_COLOR);
  });
});

describe('legend and suggestions', () => {
  it('names communities by their most common sectors, largest first', () => {
    const { scene, inputs } = setup();
    const entries = legendEntries(scene, 'community', inputs.palette);
    expect(entries[0]).toMatchObject({ label: 'music · finance', count: 2 });
    const sectors = legendEntries(scene, 'sector', inputs.palette);
    // people without a sector fall under "other"
    expect(sectors.map((e) => e.label).sort()).toEqual(['finance', 'music', 'other']);
    // each row knows whom it counts, to light them on the map (by first sector: Ben is finance)
    expect(Object.fromEntries(sectors.map((e) => [e.label, [...e.members].sort()]))).toEqual({ music: ['a'], finance: ['b', 'c'], other: ['d'] });
    expect(entries.every((e) => e.members.length === e.count)).toBe(true);
  });

  it('names a community without sectors after its most prominent person, and tells apart communities with the same sectors', () => {
    const nodes: GraphResponse['nodes'] = [
      // community 0: technology and finance, around Marcus (the largest by score)
      { id: 'm', name: 'Marcus', sectors: ['technology', 'finance'], community: 0, score: 0.9, activity: 1, x: 0, y: 0 },
      { id: 'n', name: 'Nia', sectors: ['technology'], community: 0, score: 0.2, activity: 1, x: 1, y: 0 },
      { id: 'o', name: 'Olga', sectors: ['finance', 'technology'], community: 0, score: 0.1, activity: 1, x: 0, y: 1 },
      // community 1: the same two sectors in the other order
      { id: 'r', name: 'Ring', sectors: ['finance', 'technology'], community: 1, score: 0.3, activity: 1, x: 5, y: 5 },
      { id: 's', name: 'Sam', sectors: ['finance'], community: 1, score: 0.4, activity: 1, x: 6, y: 5 },
      // community 2: no sectors (imported SNAP data)
      { id: '17', name: '17', sectors: [], community: 2, score: 0.05, activity: 1, x: 9, y: 0 },
      { id: '42', name: '42', sectors: [], community: 2, score: 0.5, activity: 1, x: 9, y: 1 },
      // community 3: music alone
      { id: 'z', name: 'Zara', sectors: ['music'], community: 3, score: 0.8, activity: 1, x: 3, y: 9 },
      { id: 'y', name: 'Yann', sectors: ['music'], community: 3, score: 0.1, activity: 1, x: 4, y: 9 },
    ];
    const response: GraphResponse = { ...graphResponse(), nodes, edges: [], total: { nodes: nodes.length, edges: 0 }, communities: 4 };
    const scene = buildScene(response);
    const palette = { community: communityColors(scene.graph.mapNodes((_n, a) => a.community)), sector: sectorColors(['technology', 'finance', 'music']) };
    const entries = legendEntries(scene, 'community', palette).map(({ label, note }) => ({ label, note }));
    expect(entries).toEqual([
      { label: 'technology · finance', note: 'around Marcus' },
      { label: 'finance · technology', note: 'around Sam' },
      { label: 'around 42', note: undefined },
      { label: 'music', note: undefined },
    ]);
    // The person panel names a community as the legend does, in either colour mode.
    const names = communityNames(scene, palette);
    expect(names.get(1)).toMatchObject({ label: 'finance · technology', note: 'around Sam', count: 2, color: palette.community.get(1) });
    expect(names.get(2)).toMatchObject({ label: 'around 42', count: 2 });
    expect([...names.keys()].sort()).toEqual([0, 1, 2, 3]);
  });

});

describe("the top list's moves", () => {
  it('ranks the people shown at any moment of the timeline, interpolated as the map draws them: equal values share a place, nothing is no place', () => {
    const { scene } = setup();
    // sample 0: c 10, b 1, a 0; sample 1: a 100, c 10, b 1; halfway: a 50
    expect(ranksAt(scene, ['a', 'b', 'c', 'd'], 0)).toEqual([null, 2, 1, null]);
    expect(ranksAt(scene, ['a', 'b', 'c'], 1)).toEqual([1, 3, 2]);
    expect(ranksAt(scene, ['a', 'c'], 0.1)).toEqual([1, 1]); // a is 10 too, a tenth of the way
    expect(ranksAt(scene, ['a', 'c'], 0.05)).toEqual([2, 1]);
    expect(ranksAt(buildScene(graphResponse()), ['a'], 1)).toEqual([null]); // no timeline
  });

  it('says how far each moved, and what the moves count', () => {
    expect(movement(2, 167)).toEqual({ text: '▲165', kind: 'up' });
    expect(movement(6, 2)).toEqual({ text: '▼4', kind: 'down' });
    expect(movement(3, 3)).toEqual({ text: '', kind: 'same' });
    expect(movement(1, null)).toEqual({ text: 'new', kind: 'new' });
    expect(movesCaption(Date.UTC(2020, 2, 1), 15000)).toBe('▲▼ places moved since 1 Mar 2020, among the 15,000 people on the map');
  });
});
