/**
 * Web worker: ForceAtlas2 (graphology-layout-forceatlas2) on a copy of the graph, in chunks of iterations,
 * posting positions after each chunk. Running many iterations between posts keeps the main thread free:
 * one render per chunk instead of one per iteration (the library's own supervisor renders every iteration,
 * which starves the page on software-rendered WebGL).
 */
import { DirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

const forceAtlas2 = ((forceAtlas2Module as unknown as { default?: unknown }).default ?? forceAtlas2Module) as typeof forceAtlas2Module.default;

export interface LayoutRequest {
  /** x0,y0,x1,y1… in node row order */
  positions: Float32Array;
  source: Uint32Array;
  target: Uint32Array;
  weight: Float32Array;
  settings: ForceAtlas2Settings;
  iterations: number;
  chunk: number;
}

export interface LayoutProgress {
  positions: Float32Array;
  done: number;
  finished: boolean;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null; postMessage(m: LayoutProgress, transfer: Transferable[]): void };

scope.onmessage = (event) => {
  const { positions, source, target, weight, settings, iterations, chunk } = event.data;
  const n = positions.length / 2;
  const graph = new DirectedGraph<{ x: number; y: number }, { weight: number }>();
  for (let i = 0; i < n; i++) graph.addNode(i, { x: positions[i * 2]!, y: positions[i * 2 + 1]! });
  for (let j = 0; j < source.length; j++) graph.mergeEdge(source[j]!, target[j]!, { weight: weight[j]! });
  let done = 0;
  while (done < iterations) {
    const step = Math.min(chunk, iterations - done);
    forceAtlas2.assign(graph, { iterations: step, settings, getEdgeWeight: 'weight' });
    done += step;
    const out = new Float32Array(n * 2);
    graph.forEachNode((node, a) => {
      const i = Number(node);
      out[i * 2] = a.x;
      out[i * 2 + 1] = a.y;
    });
    scope.postMessage({ positions: out, done, finished: done >= iterations }, [out.buffer]);
  }
};
