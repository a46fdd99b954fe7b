// graphology-layout-forceatlas2's single iteration and default settings (CommonJS files without typings; the
// package's own layout function runs the same iterate over the same matrices, all at once).
declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  /** One ForceAtlas2 iteration over the node matrix (10 floats a node) and edge matrix (3 a edge), in place. */
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): void;
}
declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
