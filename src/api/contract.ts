/**
 * Response shapes of the analysis endpoints, shared with the browser client through `import type` only.
 * Times are ISO-8601 strings; `t` in series is epoch milliseconds (compact for charts).
 */
import type { RecordCounts } from '../domain/import-counts.ts';
import type { Introduction, IntroductionStatus, Person } from '../domain/model.ts';

export type Polarity = 'total' | 'positive' | 'negative';

export interface MetaResponse {
  counts: { people: number; events: number; ties: number; introductions: number };
  /** every sector named, by people or by events */
  sectors: string[];
  /**
   * the sectors people list: what `sector` matches where it picks people (the introduction suggestions' partners);
   * empty when nobody lists one (SNAP edge lists), even if events carry a sector
   */
  peopleSectors: string[];
  /** the sectors events carry: what `sector` matches where it slices influence (rankings, the explorer's graph and timeline) */
  eventSectors: string[];
  /**
   * every label people list as an offer or a need, one vocabulary: an offer meets a need only by the same label,
   * so an editor suggests these rather than a near spelling that would match nobody
   */
  skills: string[];
  media: string[];
  kinds: string[];
  /** first and last event time, or null when there are no events */
  timeRange: { from: string; to: string } | null;
  metrics: { name: string; description: string; higherIsMoreInfluential: boolean }[];
}

export interface RankedItem {
  id: string;
  name: string;
  score: number;
  rank: number;
}

export interface InfluenceResponse {
  items: RankedItem[];
  total: number;
  metric: string;
  /** null for the static (undecayed) graph */
  at: string | null;
  /** for pagerank-personalized: the seeds it ran with (the ones asked for, or the most trusted by default) */
  seeds?: { id: string; name: string }[];
}

/** GET /api/influence/table: everyone with several rankings side by side. */
export interface PeopleTableResponse {
  /** one per metric asked for, in that order: each is `/api/influence` for the metric, its scores' range for bars */
  columns: { metric: string; at: string | null; higherIsMoreInfluential: boolean; min: number; max: number }[];
  /** the page of rows, in the order asked for; `cells` follow `columns` (score null when not finite) */
  items: {
    id: string;
    name: string;
    sectors: string[];
    /** Louvain community on the layer shown, as `/api/graph` numbers it; null for someone with no edge */
    community: number | null;
    /**
     * for the fade column, its class and whether the days are a lower bound (influence that never halved); for the
     * comeback column, how many comebacks in all and how long they had been dormant before the strongest (null: none)
     */
    cells: {
      score: number | null;
      rank: number;
      tied: number;
      fadeClass?: CurveResponse['fadeClass'];
      censored?: boolean;
      comebacks?: number;
      dormantDays?: number | null;
    }[];
  }[];
  /** rows matching `q` (everyone without it) */
  total: number;
  /** everyone */
  of: number;
  sort: string;
  layer: 'influence' | 'ties';
  seeds?: { id: string; name: string }[];
  /** with focus: the neighbourhood the rows are kept to (the map's), as /api/graph names it */
  focus?: { id: string; name: string; hops: number };
}

export interface Peak {
  t: number;
  value: number;
  /** days until the curve fell to half the peak, null if it did not within the range */
  halfLifeDays: number | null;
}

export interface Resurgence {
  t: number;
  value: number;
  /** length of the dormancy before it, in days */
  afterDormantDays: number;
}

export interface CurveResponse {
  id: string;
  /** activity: decayed events driven; centrality: decayed influence strength; introducer: the introducer score */
  metric: 'activity' | 'centrality' | 'introducer';
  from: string;
  to: string;
  stepDays: number;
  points: { t: number; value: number }[];
  /** positive / negative parts of an activity curve (same t as points) */
  positive?: number[];
  negative?: number[];
  peaks: Peak[];
  resurgences: Resurgence[];
  dormancy: { from: number; to: number }[];
  fadeClass: 'fad' | 'steady' | 'lasting' | 'none';
  halfLifeDays: number | null;
  period: { days: number; strength: number } | null;
}

export interface ProfileResponse {
  person: Person;
  at: string | null;
  /**
   * rank: 1 + how many score strictly better (people with equal scores share it); tied: how many others share it;
   * at: the time the score is for, the profile's `at` for activity, pagerank and introducer, null (all time) for
   * betweenness, degree and constraint, which are not computed per time here
   */
  scores: Record<string, { score: number; rank: number; of: number; tied: number; at: string | null }>;
  sectorProfile: { sector: string; influence: number }[];
  sectorReach: { sector: string; reach: number }[];
  mediumProfile: { medium: string; influence: number }[];
  /** positive and negative split total by valence ((1 ± v)/2); signed = Σ m·|v|: the rest is from neutral events */
  polarity: { total: number; positive: number; negative: number; controversy: number; signed: number };
  fadeClass: CurveResponse['fadeClass'];
  halfLifeDays: number | null;
  resurgences: Resurgence[];
  /** counted: the succeeded ones weighed by how much others vouch for the people introduced (≤ succeeded) */
  introducer: { made: number; succeeded: number; counted: number; failed: number; open: number; successRate: number; creditedValue: number; score: number } | null;
  community: number | null;
  flags: { ring: boolean; reason?: string };
}

export interface GraphNode {
  id: string;
  name: string;
  sectors: string[];
  community: number;
  /** the selected metric's score on the static graph */
  score: number;
  /** events they drove, for sizing when there is little structure */
  activity: number;
  /** ForceAtlas2 position computed by the server, stable across reloads for the same graph */
  x: number;
  y: number;
  /** with a focus: how many steps from the focused person (0 for them) */
  hops?: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  weight: number;
}

export interface GraphResponse {
  nodes: GraphNode[];
  edges: GraphEdge[];
  metric: string;
  /** influence: edges from people to those their events reached; ties: KNOWS trust ties */
  layer?: 'influence' | 'ties';
  at: string | null;
  total: { nodes: number; edges: number };
  communities: number;
  /** Trusted PageRank's seeds (the ones asked for, or the most trusted by default): every jump of its walk lands on them */
  seeds?: { id: string; name: string }[];
  /** the person whose neighbourhood the view keeps to, and how many steps it reaches (`total` counts the neighbourhood) */
  focus?: { id: string; name: string; hops: number };
}

/** GET /api/network: the network the map draws in numbers (src/engine/network-stats.ts gives the definitions). */
export interface NetworkResponse {
  layer: 'influence' | 'ties';
  /** the slice counted, on the influence layer; null for the whole layer */
  sector: string | null;
  medium: string | null;
  people: number;
  /** directed links between two different people */
  links: number;
  /** links / (people × (people − 1)) */
  density: number;
  linksPerPerson: number;
  /** share of links returned the other way; null without links */
  reciprocity: number | null;
  /** weakly connected: how many, and the largest's people */
  components: { count: number; largest: number };
  /** people with no link either way */
  isolated: number;
  maxIn: { id: string; name: string; degree: number } | null;
  maxOut: { id: string; name: string; degree: number } | null;
  /** how many people have each in- and out-degree, in doubling bins (0, 1, 2–3, 4–7, …) */
  inDegrees: { from: number; to: number; count: number }[];
  outDegrees: { from: number; to: number; count: number }[];
  /**
   * the layer's Louvain communities (as /api/graph numbers them) the people counted belong to, and the modularity of
   * the layer's partition (null without links)
   */
  communities: { count: number; modularity: number | null };
  /** with focus: the neighbourhood counted (its people and the links among them) */
  focus?: { id: string; name: string; hops: number };
}

/** What a person's value in a timeline is: decayed activity, temporal PageRank, the introducer score or trust PageRank at each time. */
export type TimelineBasis = 'activity' | 'pagerank' | 'introducer' | 'trust';

/**
 * Influence of every shown node (and weight of every shown edge) at `times`, so the client's time slider
 * can scrub without a request per frame. values[i][k] = node i at times[k].
 */
export interface TimelineResponse {
  times: number[];
  basis: TimelineBasis;
  /** everyone's activity influence summed at each time (same slice and polarity): the network's pulse */
  activity: number[];
  /** on the ties layer, how many trust ties stand at each time (formed by then, or undated): the pulse of the map of trust */
  ties?: number[];
  /** the seeds a Trusted PageRank basis ran with (its walk jumps only to them, at every time) */
  seeds?: string[];
  nodes: string[];
  values: number[][];
  edges: { source: string; target: string; values: number[] }[];
}

export interface CommunitiesResponse {
  count: number;
  modularity: number;
  communities: { id: number; size: number; top: { id: string; name: string }[]; sectors: { sector: string; count: number }[] }[];
}

/** GET /api/sectors: the sectors side by side (see src/engine/sector-overview.ts for the definitions). */
export interface SectorsResponse {
  at: string | null;
  /** how far apart sectors are (1 − Jaccard of their people, unless configured) and what carries over: (1 − d)^γ or exp(−d/λ) */
  model: { model: 'power' | 'exponential'; gamma: number; lambda: number };
  /** most influence first; every matrix below is in this order */
  sectors: { name: string; members: number; active: number; events: number; influence: number; positive: number; negative: number; imported: number; exported: number }[];
  /** people in both sectors */
  shared: number[][];
  distance: number[][];
  /** the share of influence earned in the row's sector that counts in the column's */
  transfer: number[][];
  configured: boolean[][];
  /** influence earned in the row's sector that counts in the column's, summed over everyone */
  flow: number[][];
  /** per sector: who carries the most influence into it from elsewhere */
  carriers: { id: string; name: string; own: number; imported: number; from: { sector: string; amount: number }[] }[][];
}

/** GET /api/breakdown/timeline: the influence earned in each sector (or through each medium) at evenly spaced times. */
export interface BreakdownTimelineResponse {
  by: 'sector' | 'medium';
  polarity: Polarity;
  /** epoch ms, from the first event to the last; none when no event is stored */
  times: number[];
  /** most influence over the whole span first */
  groups: { name: string; values: number[] }[];
}

export interface RingsResponse {
  rings: { members: { id: string; name: string }[]; closedness: number; density: number; reason: string }[];
}

export interface SuggestionReasons {
  aOffersBSeeks: string[];
  bOffersASeeks: string[];
  sharedSectors: string[];
  commonTies: number;
  adamicAdar: number;
  resourceAllocation: number;
  bridgesCommunities: boolean;
  communities: [number, number];
  trustAInIntroducer: number;
  trustBInIntroducer: number;
  tieRecencyDays: { a: number | null; b: number | null };
  /** counted: the successes weighed by how much others vouch for the people introduced */
  introducerRecord: { made: number; succeeded: number; counted: number; failed: number; successRate: number };
  [more: string]: unknown;
}

export interface Suggestion {
  a: { id: string; name: string };
  b: { id: string; name: string };
  introducer: { id: string; name: string };
  score: number;
  reasons: SuggestionReasons;
}

export interface SuggestionsResponse {
  items: Suggestion[];
}

/** GET /api/introductions/opportunities: the best introductions to make across the whole network. */
export interface OpportunitiesResponse extends SuggestionsResponse {
  /** people trusted by at least two others (who could introduce someone) */
  introducers: number;
  /** how many of them the sweep covered */
  introducersSwept: number;
  /** every pair was considered: all introducers swept, no contact list cut */
  exact: boolean;
}

/** One introducer's record: what their introductions came to (engine/introductions/introducer-scores.ts). */
export interface IntroducerRecord {
  id: string;
  name: string;
  made: number;
  succeeded: number;
  /** closed without fruit: failed + declined */
  failed: number;
  declined: number;
  /** made or accepted, no outcome yet */
  open: number;
  /**
   * the succeeded ones weighed by how much others vouch for the two people introduced, 0..1 each: people known
   * only through this introducer's own introductions count 0 (engine/introductions/vouching.ts)
   */
  counted: number;
  /** smoothed: (counted + 1) / (counted + failed + 2) */
  successRate: number;
  creditedValue: number;
  score: number;
}

/** GET /api/introductions/summary: every recorded introduction at a glance */
export interface IntroductionsSummaryResponse {
  total: number;
  byStatus: Record<IntroductionStatus, number>;
  /** the sum of the values recorded on succeeded introductions */
  succeededValue: number;
  /**
   * made or accepted, recorded more than `days` days ago (before `before`), with no outcome yet (`count`); and
   * the requests (suggested: asked for, not made yet) recorded as long ago (`requests`)
   */
  waiting: { days: number; before: string; count: number; requests: number };
  /** the closed introductions whose outcome is dated, and the median days from introduction to outcome (null: none) */
  outcomes: { dated: number; medianDays: number | null };
  /** every month (UTC) from the first introduction's to the last one's, counted by each introduction's status now */
  months: { month: string; counts: Record<IntroductionStatus, number> }[];
  /** the dated outcomes by the month (UTC) they came in, every month from the first to the last; [] when none is dated */
  outcomeMonths: { month: string; counts: Record<IntroductionStatus, number> }[];
  /** the people whose introductions bear most fruit, by introducer score */
  introducers: IntroducerRecord[];
}

/** GET /api/introductions/path: the most trusted chain of introductions from one person to another */
export interface IntroductionPathResponse {
  from: { id: string; name: string };
  to: { id: string; name: string };
  /** the two already know each other (the chain is their own tie) */
  alreadyTied: boolean;
  /** one of the two asked not to be suggested the other ("not interested"): no introduction to `to` is offered */
  hidden: boolean;
  /**
   * null when no chain of at most maxHops trusted ties joins them; no hop asks someone for an introduction they
   * said they will not make, or one that either side of it hid
   */
  path: {
    /** from, the people who introduce onwards, to */
    people: { id: string; name: string }[];
    hops: { from: string; to: string; trustForward: number; trustBack: number; lastContact: string | null }[];
    /** product over the hops of the weaker trust of each: 1 would be a chain of complete trust */
    strength: number;
  } | null;
  maxHops: number;
  minTrust: number;
}

export type { Introduction, Person };

/** GET /api/formats */
export interface FormatsResponse {
  items: {
    name: string;
    description: string;
    extensions: string[];
    produces: ('person' | 'event' | 'tie' | 'introduction')[];
    columns: { name: string; required: boolean; description: string }[];
    export: boolean;
  }[];
  /** the largest body POST /api/import takes, as configured (e.g. "200mb") */
  importLimit: string;
  /** the same in bytes (null if the setting cannot be read as a size) */
  importLimitBytes: number | null;
}

/** POST /api/import */
export interface ImportResponse {
  format: string;
  lines: number;
  /** the records the file holds, each written (created or overwritten by id) */
  written: RecordCounts;
  /** of those, the ones not stored before (people: also those a line names who were created bare, by id) */
  created: RecordCounts;
  skipped: { line: number; message: string }[];
  ms: number;
  rowsPerSecond: number;
  transactions: number;
}

/** GET /api/import/progress/:id */
export interface ImportProgressResponse {
  id: string;
  phase: 'validating' | 'writing' | 'done' | 'failed' | 'cancelled';
  lines: number;
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
  /** when failed or cancelled: what happened, and for a cancelled import what was stored before it stopped */
  message?: string;
  /** once ended: whether anything was stored (absent while running, or after a failure part-way through writing) */
  stored?: boolean;
}

/** A step of the analysis' work, as it reports it (GET /api/analysis; the explorer's progress bar). */
export interface AnalysisStage {
  name: 'read' | 'build' | 'metric' | 'communities' | 'layout' | 'index' | 'sectors' | 'curves';
  /** what it is doing, for people: "Laying out 82,168 people (ForceAtlas2)" */
  label: string;
  /** how far it is, when it can count: done of total (rows read, iterations); null otherwise */
  done: number | null;
  total: number | null;
}

export interface AnalysisStatus {
  mode: 'inline' | 'thread';
  /** calls waiting on the analysis (in the request thread, the status cannot be asked while it works) */
  calls: number;
  /** what it is doing now, and since when (ms ago); null when idle */
  stage: (AnalysisStage & { elapsedMs: number }) | null;
}
