/**
 * Colours of the dark theme. Categorical colours are soft and similar in lightness so no group shouts; the
 * same category always gets the same colour (by index in the list the API gives).
 */
export const CATEGORICAL = [
  '#7aa2f7', // blue
  '#f7768e', // rose
  '#9ece6a', // green
  '#e0af68', // amber
  '#bb9af7', // violet
  '#7dcfff', // sky
  '#ff9e64', // orange
  '#73daca', // teal
  '#f4b8e4', // pink
  '#c3e88d', // lime
  '#eed49f', // sand
  '#89ddff', // ice
] as const;

export const OTHER_COLOR = '#6b7385';
/** premultiplied (see glColor): dimmed nodes let a highlighted path show through */
export const DIM_NODE_COLOR = 'rgba(20,23,31,0.55)';
export const BACKGROUND = '#0e1117';
export const LABEL_COLOR = '#e6e9f0';
export const HIGHLIGHT_EDGE_COLOR = '#f5d67a';
export const POSITIVE_COLOR = '#7fd1a8';
export const NEGATIVE_COLOR = '#f2838f';
export const ACCENT = '#8ab4ff';

export function categoricalColor(index: number): string {
  if (!(index >= 0)) return OTHER_COLOR;
  return CATEGORICAL[index % CATEGORICAL.length]!;
}

/** `#rrggbb` + alpha → `rgba(r,g,b,a)` (sigma packs alpha into its vertex colours). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 1000) / 1000;
  return `rgba(${parseInt(m[1]!, 16)},${parseInt(m[2]!, 16)},${parseInt(m[3]!, 16)},${a})`;
}

/**
 * A translucent colour for sigma's WebGL programs. sigma blends with (ONE, ONE_MINUS_SRC_ALPHA), i.e. it
 * expects premultiplied colours: a straight `rgba(r,g,b,0.1)` would add the full r,g,b and a few hundred faint
 * edges would sum to white. So the channels are multiplied by alpha here.
 */
export function glColor(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const a = Math.min(1, Math.max(0, alpha));
  const c = (h: string) => Math.round(parseInt(h, 16) * a);
  return `rgba(${c(m[1]!)},${c(m[2]!)},${c(m[3]!)},${Math.round(a * 1000) / 1000})`;
}

/** The straight (non-premultiplied) colour of a `glColor` string, for exports. */
export function unpremultiply(color: string): string {
  const m = /^rgba\((\d+),(\d+),(\d+),([\d.]+)\)$/.exec(color);
  if (!m) return color;
  const a = Number(m[4]);
  if (!(a > 0)) return 'rgba(0,0,0,0)';
  const c = (v: string) => Math.min(255, Math.round(Number(v) / a));
  return `rgba(${c(m[1]!)},${c(m[2]!)},${c(m[3]!)},${a})`;
}

/**
 * Colours for communities: the largest communities get the distinct colours, the long tail of tiny ones
 * shares a neutral grey (more than a dozen hues cannot be told apart anyway), and so does everyone who is a
 * "community" of one (someone with no tie among the people shown is in no group).
 */
export function communityColors(communityOfNode: Iterable<number>): Map<number, string> {
  const sizes = new Map<number, number>();
  for (const c of communityOfNode) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const ordered = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const colors = new Map<number, string>();
  ordered.forEach(([c, size], rank) => colors.set(c, rank < CATEGORICAL.length && size > 1 ? CATEGORICAL[rank]! : OTHER_COLOR));
  return colors;
}

export function sectorColors(sectors: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  sectors.forEach((s, i) => colors.set(s, categoricalColor(i)));
  return colors;
}

/** `colors` with any of `sectors` it lacks given the next colours; the sectors it has keep theirs (returns `colors` when none is new). */
export function withSectors(colors: ReadonlyMap<string, string>, sectors: readonly string[]): Map<string, string> {
  const added = sectors.filter((s, i) => !colors.has(s) && sectors.indexOf(s) === i);
  if (added.length === 0) return colors as Map<string, string>;
  const next = new Map(colors);
  for (const s of added) next.set(s, categoricalColor(next.size));
  return next;
}
