/**
 * The words the demo world is made of: sectors and how close they are, the skills people offer and seek,
 * media and event kinds, and topic words for titles. All written for this project; nothing copied.
 */

export const DEMO_SECTORS = [
  'music',
  'film',
  'technology',
  'finance',
  'health',
  'education',
  'humanitarian',
  'automotive',
] as const;
export type DemoSector = (typeof DEMO_SECTORS)[number];

/** Share of people whose main sector is each sector. */
export const SECTOR_SIZE: Record<DemoSector, number> = {
  music: 13,
  film: 11,
  technology: 18,
  finance: 14,
  health: 13,
  education: 12,
  humanitarian: 10,
  automotive: 9,
};

/**
 * How close two sectors are (symmetric, 0 = unrelated). Drives second sectors and cross-sector ties, so that
 * a musician's ties reach humanitarian causes far more often than car sales (DESIGN.md, idea 1).
 */
const PROXIMITY_PAIRS: [DemoSector, DemoSector, number][] = [
  ['music', 'film', 3],
  ['music', 'humanitarian', 2],
  ['music', 'technology', 0.6],
  ['music', 'education', 0.5],
  ['film', 'technology', 1.2],
  ['film', 'humanitarian', 1],
  ['film', 'education', 0.5],
  ['technology', 'finance', 3],
  ['technology', 'automotive', 2],
  ['technology', 'education', 1.5],
  ['technology', 'health', 1.5],
  ['finance', 'automotive', 1.5],
  ['finance', 'health', 1],
  ['finance', 'humanitarian', 0.5],
  ['finance', 'film', 0.5],
  ['health', 'education', 2],
  ['health', 'humanitarian', 2.5],
  ['education', 'humanitarian', 1.5],
  ['automotive', 'health', 0.2],
];

export function sectorProximity(a: DemoSector, b: DemoSector): number {
  if (a === b) return 0;
  for (const [x, y, w] of PROXIMITY_PAIRS) if ((x === a && y === b) || (x === b && y === a)) return w;
  return 0.05;
}

/** The skills and needs vocabulary: what people offer and what they seek. */
export const DEMO_SKILLS = [
  'funding',
  'distribution',
  'engineering',
  'legal',
  'mentorship',
  'audience',
  'design',
  'hiring',
  'media-coverage',
  'regulatory-advice',
  'marketing',
  'sales',
  'data-science',
  'manufacturing',
  'supply-chain',
  'clinical-expertise',
  'curriculum-design',
  'fundraising',
  'logistics',
  'partnerships',
  'production',
  'talent',
  'research',
  'public-speaking',
  'policy',
  'venues',
  'licensing',
  'accounting',
  'cloud-infrastructure',
  'translation',
  'volunteers',
  'storytelling',
] as const;
export type DemoSkill = (typeof DEMO_SKILLS)[number];

type SkillWeights = Partial<Record<DemoSkill, number>>;

/** What people of a sector typically offer and seek (weights); any skill can still appear with a small weight. */
export const SECTOR_SKILLS: Record<DemoSector, { offers: SkillWeights; seeks: SkillWeights }> = {
  music: {
    offers: { audience: 5, production: 4, talent: 4, storytelling: 3, 'public-speaking': 1, venues: 1 },
    seeks: { funding: 4, distribution: 5, venues: 3, licensing: 3, legal: 2, marketing: 3, 'media-coverage': 3 },
  },
  film: {
    offers: { storytelling: 5, production: 4, talent: 3, audience: 3, design: 2 },
    seeks: { funding: 5, distribution: 5, licensing: 3, legal: 2, 'media-coverage': 3, venues: 1 },
  },
  technology: {
    offers: { engineering: 6, 'data-science': 4, 'cloud-infrastructure': 3, design: 3, research: 1 },
    seeks: { funding: 6, hiring: 4, sales: 3, mentorship: 3, 'regulatory-advice': 2, marketing: 2, legal: 1 },
  },
  finance: {
    offers: { funding: 6, accounting: 3, mentorship: 3, legal: 2, partnerships: 2, 'regulatory-advice': 1 },
    seeks: { engineering: 4, 'data-science': 3, audience: 2, sales: 3, 'regulatory-advice': 2, hiring: 1 },
  },
  health: {
    offers: { 'clinical-expertise': 6, research: 4, 'public-speaking': 1, policy: 1 },
    seeks: { funding: 5, 'regulatory-advice': 3, engineering: 2, 'data-science': 3, 'media-coverage': 2, volunteers: 1 },
  },
  education: {
    offers: { mentorship: 5, 'curriculum-design': 5, research: 3, 'public-speaking': 3, translation: 2 },
    seeks: { funding: 4, engineering: 2, audience: 3, volunteers: 2, design: 2, partnerships: 2 },
  },
  humanitarian: {
    offers: { volunteers: 5, logistics: 4, policy: 3, fundraising: 3, storytelling: 2, translation: 1 },
    seeks: { funding: 5, 'media-coverage': 4, audience: 2, 'supply-chain': 3, translation: 2, partnerships: 3 },
  },
  automotive: {
    offers: { manufacturing: 6, engineering: 3, 'supply-chain': 4, logistics: 2, sales: 3 },
    seeks: { design: 3, 'data-science': 3, 'regulatory-advice': 3, funding: 3, marketing: 2, hiring: 2 },
  },
};

export const DEMO_MEDIA = ['video', 'podcast', 'text', 'in-person', 'social', 'print', 'tv'] as const;
export type DemoMedium = (typeof DEMO_MEDIA)[number];

/** Which media a sector's people favour. */
export const SECTOR_MEDIA: Record<DemoSector, Partial<Record<DemoMedium, number>>> = {
  music: { video: 4, social: 4, podcast: 2, 'in-person': 3, tv: 1 },
  film: { video: 4, tv: 3, social: 3, print: 2, 'in-person': 1 },
  technology: { text: 4, social: 3, podcast: 3, video: 2, 'in-person': 1 },
  finance: { text: 4, tv: 3, print: 3, 'in-person': 2, podcast: 1 },
  health: { print: 4, text: 3, tv: 2, 'in-person': 2, podcast: 1 },
  education: { 'in-person': 4, text: 3, video: 2, podcast: 2, print: 1 },
  humanitarian: { 'in-person': 4, social: 3, tv: 2, print: 2, video: 1 },
  automotive: { video: 3, tv: 3, print: 3, 'in-person': 2, social: 1 },
};

/**
 * How a medium's popularity changes over the decade: weight × (base + slope × f), f = 0 at the start, 1 at
 * the end. Podcasts and video grow, print declines.
 */
export const MEDIUM_TREND: Record<DemoMedium, { base: number; slope: number }> = {
  video: { base: 0.7, slope: 0.6 },
  podcast: { base: 0.4, slope: 1.2 },
  text: { base: 1, slope: 0 },
  'in-person': { base: 1, slope: 0 },
  social: { base: 0.8, slope: 0.4 },
  print: { base: 1.5, slope: -1 },
  tv: { base: 1.2, slope: -0.5 },
};

export const DEMO_KINDS = [
  'post',
  'talk',
  'release',
  'interview',
  'article',
  'award',
  'deal',
  'rating',
  'endorsement',
  'publication',
  'episode',
] as const;
export type DemoKind = (typeof DEMO_KINDS)[number];

/** Which kinds of event happen in each medium. */
export const MEDIUM_KINDS: Record<DemoMedium, Partial<Record<DemoKind, number>>> = {
  video: { release: 4, talk: 3, interview: 2, endorsement: 1 },
  podcast: { episode: 4, interview: 4, talk: 1 },
  text: { article: 5, post: 3, publication: 2, rating: 1 },
  'in-person': { talk: 5, deal: 3, award: 1, endorsement: 1 },
  social: { post: 6, endorsement: 2, rating: 2, release: 1 },
  print: { article: 4, interview: 3, publication: 2, award: 1 },
  tv: { interview: 5, award: 2, release: 1 },
};

/** The role a driver plays in an event of each kind. */
export const KIND_ROLE: Record<DemoKind, string> = {
  post: 'author',
  talk: 'speaker',
  release: 'artist',
  interview: 'guest',
  article: 'author',
  award: 'recipient',
  deal: 'party',
  rating: 'rated',
  endorsement: 'endorser',
  publication: 'author',
  episode: 'host',
};

/** What people of a sector talk about, for event titles. */
export const SECTOR_TOPICS: Record<DemoSector, string[]> = {
  music: ['the new album', 'a summer tour', 'songwriting', 'live sessions', 'streaming royalties', 'a festival line-up', 'vinyl pressings'],
  film: ['an indie premiere', 'a documentary cut', 'casting', 'festival season', 'a streaming series', 'practical effects'],
  technology: ['open-source tooling', 'a product launch', 'edge computing', 'developer experience', 'privacy by design', 'a seed round'],
  finance: ['rate cuts', 'impact investing', 'a fintech merger', 'quarterly results', 'venture debt', 'market volatility'],
  health: ['a vaccine trial', 'rural clinics', 'mental health', 'nutrition research', 'hospital staffing', 'telemedicine'],
  education: ['early literacy', 'teacher training', 'open courseware', 'school funding', 'adult learning', 'exam reform'],
  humanitarian: ['flood relief', 'refugee housing', 'clean water', 'food banks', 'a winter appeal', 'disaster logistics'],
  automotive: ['battery supply', 'a new hatchback', 'charging networks', 'a factory opening', 'safety ratings', 'autonomous trials'],
};

/** Words for invented work titles and award names. */
export const TITLE_ADJECTIVES = ['Silver', 'Quiet', 'Northern', 'Electric', 'Hidden', 'Golden', 'Open', 'Bright', 'Distant', 'Paper', 'Wild', 'Second'];
export const TITLE_NOUNS = ['Harbour', 'Signal', 'Orchard', 'Engine', 'Lantern', 'Horizon', 'Atlas', 'Tide', 'Compass', 'Garden', 'Circuit', 'Bridge'];
