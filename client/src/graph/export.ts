/**
 * Exports of what is on screen: a PNG (sigma's layers drawn by @sigma/export-image on the dark background)
 * and a GEXF of the displayed graph (graphology-gexf writer) with each node's current size, colour and
 * position and each edge's current weight, so Gephi opens the same picture.
 */
import { toBlob } from '@sigma/export-image';
import type Sigma from 'sigma';
import { DirectedGraph } from 'graphology';
import { write } from 'graphology-gexf/browser/index.js';
import { BACKGROUND, unpremultiply } from './palette.ts';
import type { GraphView } from './renderer.ts';

export async function viewToPng(view: GraphView): Promise<Blob> {
  return toBlob(view.sigma as unknown as Sigma, {
    format: 'png',
    backgroundColor: BACKGROUND,
    // The mouse and hover layers hold nothing worth keeping in a picture.
    layers: ['edges', 'nodes', 'labels'],
  });
}

/** The displayed graph: hidden nodes and edges are left out; sizes and colours are those drawn now. */
export function displayedGraph(view: GraphView, extra: { time: number | null; metric: string }): DirectedGraph {
  const { sigma, scene } = view;
  const out = new DirectedGraph({ multi: false });
  out.setAttribute('title', 'Catalyst view');
  out.setAttribute('metric', extra.metric);
  if (extra.time !== null) out.setAttribute('time', new Date(extra.time).toISOString());
  scene.graph.forEachNode((node, attrs) => {
    const d = sigma.getNodeDisplayData(node);
    if (!d || d.hidden) return;
    out.addNode(node, {
      label: attrs.label,
      x: attrs.x,
      y: attrs.y,
      size: Math.round(d.size * 100) / 100,
      color: unpremultiply(d.color),
      community: attrs.community,
      sectors: attrs.sectors.join('; '),
      influence: scene.frame.nodeValue[attrs.i] ?? 0,
      score: attrs.score,
    });
  });
  scene.graph.forEachEdge((edge, attrs, source, target) => {
    const d = sigma.getEdgeDisplayData(edge);
    if (!d || d.hidden || !out.hasNode(source) || !out.hasNode(target)) return;
    out.addDirectedEdgeWithKey(edge, source, target, {
      weight: attrs.weight,
      strength: Math.round((scene.frame.edgeStrength[attrs.j] ?? 0) * 1000) / 1000,
      thickness: Math.round(d.size * 100) / 100,
      color: unpremultiply(d.color),
    });
  });
  return out;
}

export function viewToGexf(view: GraphView, extra: { time: number | null; metric: string }): string {
  return write(displayedGraph(view, extra), { version: '1.3' });
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
