/**
 * The side panel of the selected person: who they are (sectors, offers, seeks; Edit changes them), their scores
 * and ranks at the slider time, their decay curve, the positive / negative split, medium profile and sector reach,
 * the events their influence is made of (recorded and deleted in place), whom they should meet through whom,
 * whom they trust and who trusts them (edited in place), and their introductions. Sections fill in as their requests return; a new selection aborts the old requests.
 */
import type { CurveResponse, MetaResponse, Person, ProfileResponse, SuggestionsResponse } from '../../../src/api/contract.ts';
import type { PersonSnapshot } from '../../../src/domain/model.ts';
import { ApiError, type Api } from '../api.ts';
import { barList, polarityBar } from '../chart/bars.ts';
import type { ComparedLine, DecayChart } from '../chart/decay-chart.ts';
import { MAX_COMPARE } from '../state.ts';
import { clear, el, errorText, firstName, formatDate, formatDays, formatNumber, loading, segmented } from './dom.ts';
import { eventsSection } from './events.ts';
import { metricLabel } from './filters.ts';
import { hiddenSuggestions } from './hidden-suggestions.ts';
import { introductionHistory, introductionNames, vouchingText } from './introductions.ts';
import { peopleField } from './people-field.ts';
import { personEditor, type PersonEditor } from './person-editor.ts';
import { trustSection, type TrustSection } from './trust.ts';
import { reachBox } from './reach.ts';
import type { SearchOptions } from './search.ts';
import { suggestionList, type SuggestionListOptions } from './suggestions.ts';

export interface PersonPanelOptions {
  root: HTMLElement;
  api: Api;
  meta: MetaResponse;
  sectorColor(sector: string): string;
  /** the page's people search, for "How to reach…" (without it the section is left out) */
  findPeople?: Pick<SearchOptions, 'local' | 'remote'>;
  /** whom the person wants to reach, kept in the link: read when a panel opens, told when it changes */
  reach?: { target(): string | null; onTarget(id: string): void };
  /** the map legend's name and colour of a community, when the legend lists it */
  communityName?(community: number): { label: string; note?: string; color: string; count: number } | null;
  /** the metric the map is sized by, listed first among the scores */
  metric(): string;
  /** the user's seeds for Trusted PageRank (null: the server's, the most trusted) */
  seeds?(): string[] | null;
  /** the links the map draws: the profile's community is the one the map's legend names, on that layer */
  layer?(): 'influence' | 'ties';
  time(): number | null;
  inGraph(id: string): boolean;
  /** a person's name when the map has them (others are asked of the API) */
  nameOf(id: string): string | null;
  onClose(): void;
  onHighlightPath(path: string[] | null): void;
  onSelectPerson(id: string): void;
  /** an introduction was recorded or its outcome set from the panel (introducer scores changed) */
  onIntroductionsChanged?(): void;
  /** the person's name, sectors, offers or seeks were edited in the panel (the map's label and colour follow) */
  onPersonChanged?(person: Person): void;
  /**
   * an event was recorded, deleted or restored in the panel: influence everywhere changed. The panel redraws its
   * own scores and curve once this settles (the page's fresh `meta` given by then through setMeta).
   */
  onEventsChanged?(): Promise<void>;
  /** the person shown was deleted from the panel, with all this (the page closes it); without this, the editor offers no Delete */
  onPersonDeleted?(snapshot: PersonSnapshot): void;
  /** someone new was added from the panel's form (their profile is the page's to open) */
  onPersonAdded?(person: Person): void;
  /** a trust tie was added, changed or removed in the panel (a map of trust ties is out of date) */
  onTiesChanged?(): void;
  /** moves the map's time to this moment (an event's date was clicked) */
  onSeekTime?(ms: number): void;
  /** opens the Sectors dialog at this sector (the profile's "Sector reach" links to it) */
  onShowSectors?(sector: string | null): void;
  /** whom the chart is compared with, kept in the link: read at each drawing, told when the choice changes (then compareChanged) */
  compare?: { ids(): string[]; onChange(ids: string[]): void };
  /** whose neighbourhood the map keeps to: read when a panel opens, told when the profile asks for theirs or lets go (then focusChanged) */
  focus?: { current(): string | null; onChange(id: string | null): void };
}

export interface PersonPanel {
  readonly person: string | null;
  readonly chart: DecayChart | null;
  show(id: string): Promise<void>;
  /** moves the chart's time line (every frame while scrubbing) */
  setTime(ms: number | null): void;
  /** the people compared with changed (the link's choice): the chart is drawn again with them */
  compareChanged(): void;
  /** the map's neighbourhood focus changed: the profile's Neighbourhood button says whether it is theirs */
  focusChanged(): void;
  /** reloads the time-dependent sections (scores, polarity, media, reach) for the slider time, after scrubbing stops */
  refreshScores(): void;
  /** what the store holds changed (an event recorded: the time range, kinds, media): read from now on */
  setMeta(meta: MetaResponse): void;
  /** the panel becomes a form for someone new (closed by hide(), or by show() once they are added) */
  showNew(): void;
  /** true while the panel is that form */
  readonly adding: boolean;
  /** the work typed into the panel and not saved, in words ("your edits to the profile"), or null when none is */
  unsaved(): string | null;
  hide(): void;
  teardown(): void;
}

const FADE_TEXT: Record<CurveResponse['fadeClass'], { label: string; text: string }> = {
  fad: { label: 'Fad', text: 'influence fades within weeks' },
  steady: { label: 'Steady', text: 'influence fades over months' },
  lasting: { label: 'Lasting', text: 'influence holds for years' },
  none: { label: 'Quiet', text: 'not enough activity to tell' },
};

const CHART_HEIGHT = 150;
/** The colours of the people compared on a profile's chart (at most MAX_COMPARE of them), by their place in the choice. */
export const COMPARE_COLORS = ['#c79bff', '#ffb27a', '#7fd1d1'] as const;

/** The people to compare with on `id`'s chart: the chosen ones but `id` itself, each with its colour (kept by its place in the choice). */
export function comparedWith(id: string, chosen: readonly { id: string; name: string }[]): { id: string; name: string; color: string }[] {
  return chosen.flatMap((p, k) => (p.id === id ? [] : [{ ...p, color: COMPARE_COLORS[k % COMPARE_COLORS.length]! }]));
}

/** What the "Influence over time" chart shows: influence from the events one drove, or the introducer score. */
type CurveKind = 'activity' | 'introducer';
const CURVE_KINDS: Record<CurveKind, { label: string; title: string; line: string }> = {
  activity: { label: 'From events', title: 'The decayed influence of the events this person drove', line: 'influence' },
  introducer: {
    label: 'As an introducer',
    title: 'The introducer score at each time: the introductions made by then, each success counting as far as others vouch for the two introduced, its credit halving every year',
    line: 'introducer score',
  },
};

interface TimeSlots {
  /** "all time" or the date the sections are computed at */
  note: HTMLElement;
  scores: HTMLElement;
  polarity: HTMLElement;
  media: HTMLElement;
  reach: HTMLElement;
  /** the record as an introducer (all time; reloaded with the rest when an outcome is set) */
  introducer: HTMLElement;
}

function section(title: string, body: Node, extra?: Node): HTMLElement {
  return el('section', { class: 'panel-section' }, [el('h3', {}, [title, extra ?? null]), body]);
}

function chips(values: readonly string[], cls: string, colorOf?: (v: string) => string, none = 'none listed'): HTMLElement {
  if (values.length === 0) return el('span', { class: 'muted small', text: none });
  return el(
    'span',
    { class: 'chips' },
    values.map((v) => el('span', { class: `chip ${cls}` }, [colorOf ? el('i', { class: 'dot', style: { background: colorOf(v) } }) : null, v])),
  );
}

/** A person's community as the map's legend names it (its colour and sectors), or its number when the legend does not list it. */
function communityChip(community: number, name: ReturnType<NonNullable<PersonPanelOptions['communityName']>>): HTMLElement {
  if (!name) return el('span', { class: 'chip community', text: `community ${community}`, title: 'Community (Louvain) not listed in the map legend' });
  const title = `Community ${community} (Louvain): ${name.label}${name.note ? `, ${name.note}` : ''}; ${name.count.toLocaleString('en')} people on the map`;
  return el('span', { class: 'chip community named', title }, [
    el('i', { class: 'dot', style: { background: name.color } }),
    name.label,
    name.note ? el('span', { class: 'chip-note', text: name.note }) : null,
  ]);
}

/**
 * "#27 of 400", "#27= of 400" when others share the score (the tooltip says how many), and "all equal" when
 * everyone does (no introductions recorded, say), where a joint first place would say nothing.
 */
export function rankText(s: { rank: number; of: number; tied: number }): { text: string; title?: string } {
  if (s.of > 1 && s.tied >= s.of - 1) return { text: `all ${s.of.toLocaleString('en-US')} equal`, title: 'Everyone has the same score: it ranks nobody' };
  if (s.tied === 0) return { text: `#${s.rank} of ${s.of}` };
  return { text: `#${s.rank}= of ${s.of}`, title: `joint ${s.rank}: ${s.tied.toLocaleString('en-US')} ${s.tied === 1 ? 'other has' : 'others have'} the same score` };
}

/** Introductions a profile lists at first, and "Show more" adds. */
const HISTORY_PAGE = 20;
/** Hidden suggestions listed at first, and "Show more" adds. */
const HIDDEN_PAGE = 20;

/** Suggestions asked for per list (the first SHOWN_SUGGESTIONS show, the rest behind "Show more"). */
const SUGGESTIONS = 10;

/** The two suggestion lists of a panel: whom to meet, and which pairs to introduce. */
type ListKind = 'meet' | 'introduce';
/** The panel's slots the suggestion lists, the hidden ones and the introductions fill. */
interface ListSlots {
  meet: HTMLElement;
  introduce: HTMLElement;
  hidden: HTMLElement;
  history: HTMLElement;
}

function emptyList(kind: ListKind, sector: string | null): string {
  if (kind === 'meet') return sector === null ? 'No introductions to suggest right now.' : `No one in ${sector} to suggest right now: pick another sector, or any.`;
  return sector === null
    ? 'No pairs to introduce right now: an introducer needs two trusted ties who do not know each other.'
    : `No pair with someone in ${sector} to introduce right now: pick another sector, or any.`;
}

export function createPersonPanel(opts: PersonPanelOptions): PersonPanel {
  const { root, api } = opts;
  let meta = opts.meta;
  let person: string | null = null;
  /** the sector each suggestion list is narrowed to (null: any); it stays from person to person */
  const listSector: Record<ListKind, string | null> = { meet: null, introduce: null };
  /** each list's request whose answer it shows (a newer one, for another sector or person, aborts it) */
  const listRequest: Record<ListKind, AbortController | null> = { meet: null, introduce: null };
  let controller: AbortController | null = null;
  let scoresController: AbortController | null = null;
  let chart: DecayChart | null = null;
  /** counts the charts asked for, so only the latest one is drawn */
  let curveDrawings = 0;
  /** redraws the chart shown when it is made of introductions (an outcome was set); null when it is not */
  let redrawIntroducerCurve: (() => void) | null = null;
  /** redraws the chart shown, whichever curve it is (an event changed); null before one is drawn */
  let redrawCurve: (() => void) | null = null;
  /** the sections that depend on the slider time, refilled by refreshScores() */
  let slots: TimeSlots | null = null;
  let lastScoresAt: string | null | undefined;
  /** how many of the person's introductions are listed (grown by "Show more", kept when the list reloads) */
  let historyShown = HISTORY_PAGE;
  /** how many of the person's hidden suggestions are listed (grown by "Show more", kept when the list reloads) */
  let hiddenShown = HIDDEN_PAGE;
  /** the sector the profile shown reaches most (where "Sectors…" opens), or null */
  let reachTop: string | null = null;
  /** the profile's Neighbourhood button, and whose profile it is on */
  let focusButton: { button: HTMLButtonElement; id: string } | null = null;
  /** "Neighbourhood": pressed, the map keeps to the people within a step of this person; pressed again, everyone */
  function neighbourhoodButton(id: string): HTMLElement | null {
    const focus = opts.focus;
    if (!focus) return null;
    const button = el('button', { class: 'btn btn-small btn-ghost panel-focus', text: 'Neighbourhood', attrs: { type: 'button' } });
    button.addEventListener('click', () => focus.onChange(focus.current() === id ? null : id));
    focusButton = { button, id };
    showFocused();
    return button;
  }
  function showFocused(): void {
    if (!focusButton) return;
    const on = opts.focus?.current() === focusButton.id;
    focusButton.button.setAttribute('aria-pressed', String(on));
    focusButton.button.title = on ? 'Show everyone on the map again' : 'Keep the map to the people within a step of them, either way (more steps over the map)';
  }
  /** "Sectors…": the whole network's sectors side by side, at the one this person reaches most */
  function sectorsLink(): HTMLElement | null {
    if (!opts.onShowSectors) return null;
    return el('button', {
      class: 'link small',
      text: 'Sectors…',
      title: 'All the sectors side by side: how much of one counts in another, and who carries influence into each',
      attrs: { type: 'button' },
      on: { click: () => opts.onShowSectors!(reachTop) },
    });
  }

  /** names of the people compared with (the map's, the API's, or the search's), by id */
  const compareNames = new Map<string, string>();
  /** draws the chart shown again with the people compared with now (the choice changed); null before one is drawn */
  let redrawComparison: (() => void) | null = null;
  /** the choice was just changed in the field: the field redrawn with the chart takes the focus back */
  let focusCompare = false;

  /** The people compared with, named (a name not known yet is asked of the API; someone unknown keeps their id). */
  async function comparedPeople(signal: AbortSignal): Promise<{ id: string; name: string }[]> {
    const ids = opts.compare?.ids() ?? [];
    await Promise.all(
      ids
        .filter((p) => !compareNames.has(p) && opts.nameOf(p) === null)
        .map((p) => api.person(p, signal).then((found) => compareNames.set(p, found.name), () => compareNames.set(p, p))),
    );
    return ids.map((p) => ({ id: p, name: compareNames.get(p) ?? opts.nameOf(p) ?? p }));
  }

  const closeButton = el('button', { class: 'icon-btn panel-close', text: '×', attrs: { type: 'button', 'aria-label': 'Close panel' } });
  closeButton.addEventListener('click', () => opts.onClose());
  /** the forms open in the panel, asked before it moves on whether they hold unsaved work */
  let editor: PersonEditor | null = null;
  let events: { unsaved(): boolean } | null = null;
  let trust: TrustSection | null = null;
  /** whether the panel is the form for someone new, and that form while what it holds counts (not cancelled) */
  let adding = false;
  let newForm: PersonEditor | null = null;
  /** the labels the editor suggests: those stored when the page loaded, and those saved since */
  const known = { sectors: new Set(meta.sectors), skills: new Set(meta.skills) };
  const sortedLabels = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));

  /** The profile form (null: someone new) suggesting the known labels; a saved person's labels are known from then on. */
  function profileForm(p: Person | null, on: { saved(person: Person): void; cancel(): void; deleted?: (snapshot: PersonSnapshot) => void }): PersonEditor {
    return personEditor({
      person: p,
      api,
      known: { sectors: sortedLabels(known.sectors), skills: sortedLabels(known.skills) },
      onSaved: (saved) => {
        for (const s of saved.sectors) known.sectors.add(s);
        for (const s of [...saved.offers, ...saved.seeks]) known.skills.add(s);
        on.saved(saved);
      },
      onCancel: () => on.cancel(),
      onDeleted: on.deleted,
    });
  }

  /** The profile editor in place of the offers and seeks, until it saves (the panel reloads) or is cancelled. */
  function startEditing(p: Person, parts: { who: HTMLElement; subtitle: HTMLElement; button: HTMLElement }): void {
    const form = profileForm(p, {
      saved: (saved) => {
        opts.onPersonChanged?.(saved);
        if (person === saved.id) void show(saved.id);
      },
      deleted: opts.onPersonDeleted ? (snapshot) => opts.onPersonDeleted!(snapshot) : undefined,
      cancel: () => {
        form.element.remove();
        parts.who.hidden = parts.subtitle.hidden = parts.button.hidden = false;
        parts.button.focus();
      },
    });
    editor = form;
    parts.who.hidden = parts.subtitle.hidden = parts.button.hidden = true;
    parts.who.after(form.element);
    form.focus();
  }

  function destroyChart(): void {
    chart?.destroy();
    chart = null;
  }

  function isoAt(): string | null {
    const t = opts.time();
    return t === null ? null : new Date(t).toISOString();
  }

  function renderScores(profile: ProfileResponse): HTMLElement {
    const metric = opts.metric();
    const names = Object.keys(profile.scores);
    const order = [metric, ...meta.metrics.map((m) => m.name), ...names].filter((n, k, all) => all.indexOf(n) === k && profile.scores[n]);
    const description = new Map(meta.metrics.map((m) => [m.name, m.description]));
    return el(
      'div',
      { class: 'scores' },
      order.slice(0, 6).map((name) => {
        const s = profile.scores[name]!;
        // at a time, a score the server keeps all-time says so rather than pass for that day's
        const allTime = profile.at !== null && s.at === null;
        const title = `${description.get(name) ?? name}${allTime ? ' (all time: not computed per time)' : ''}`;
        return el('div', { class: `score${name === metric ? ' current' : ''}${allTime ? ' all-time' : ''}`, title, attrs: { 'data-metric': name } }, [
          el('span', { class: 'score-name', text: metricLabel(name).replace(/ \(.*\)$/, '') }),
          el('span', { class: 'score-value', text: formatNumber(s.score) }),
          el('span', { class: 'score-rank', ...rankText(s) }),
          allTime ? el('span', { class: 'score-when', text: 'all time' }) : null,
        ]);
      }),
    );
  }

  /** Scores and ranks, the polarity split, medium profile and sector reach: all at the slider time. */
  function renderTimeSlots(profile: ProfileResponse, t: TimeSlots): void {
    t.note.textContent = profile.at ? `on ${formatDate(Date.parse(profile.at))}` : 'all time';
    clear(t.scores);
    t.scores.append(renderScores(profile));
    clear(t.polarity);
    t.polarity.append(profile.polarity.total > 0 ? polarityBar(profile.polarity) : el('p', { class: 'muted small', text: 'No influence recorded by this time.' }));
    clear(t.media);
    t.media.append(barList(profile.mediumProfile.map((m) => ({ label: m.medium, value: m.influence })), { empty: 'No media recorded.' }));
    clear(t.reach);
    t.reach.append(barList(profile.sectorReach.map((r) => ({ label: r.sector, value: r.reach, color: opts.sectorColor(r.sector) })), { empty: 'No reach recorded.' }));
    reachTop = profile.sectorReach[0]?.sector ?? null;
    clear(t.introducer);
    const intro = profile.introducer;
    if (intro && intro.made > 0) {
      const unvouched = vouchingText(firstName(profile.person.name), intro);
      t.introducer.append(
        section(
          'As an introducer',
          el('div', {}, [
            el('div', { class: 'scores' }, [
              stat('made', String(intro.made)),
              stat('succeeded', `${intro.succeeded} (${Math.round(intro.successRate * 100)}%)`),
              stat('introducer score', formatNumber(intro.score)),
            ]),
            unvouched ? el('p', { class: 'caption muted small vouching-note', text: unvouched }) : null,
          ]),
        ),
      );
    }
  }

  /** Loads the profile again now, at the slider time (the time moved, or an outcome changed the introducer's record). */
  function reloadProfile(): void {
    if (!person || !slots) return;
    scoresController?.abort();
    scoresController = new AbortController();
    void loadProfile(person, scoresController.signal, slots, isoAt());
  }

  /** The profile rendered into the slots; the error when the API refused it (shown in the slots); null when aborted. */
  async function loadProfile(id: string, signal: AbortSignal, t: TimeSlots, at: string | null): Promise<{ profile: ProfileResponse } | { error: unknown } | null> {
    try {
      const profile = await api.profile(id, at, signal, opts.seeds?.() ?? null, opts.layer?.() ?? null);
      if (signal.aborted || person !== id) return null;
      lastScoresAt = at;
      renderTimeSlots(profile, t);
      return { profile };
    } catch (err) {
      if (signal.aborted) return null;
      for (const slot of [t.scores, t.polarity, t.media, t.reach]) clear(slot);
      t.scores.append(errorText(err));
      return { error: err };
    }
  }

  /** A person the API does not know (an old link, someone deleted): one message instead of an error per section. */
  function showUnknown(id: string, err: ApiError): void {
    destroyChart();
    clear(root);
    root.append(
      el('header', { class: 'panel-head' }, [el('div', { class: 'panel-titles' }, [el('h2', { class: 'person-name', text: id })]), closeButton]),
      el('div', { class: 'panel-message' }, [
        el('p', { class: 'error small unknown-person', text: err.message }),
        el('p', { class: 'muted small', text: 'The link may point to someone who was deleted or whose id changed; search for them by name.' }),
      ]),
    );
  }

  /**
   * The panel as a form for someone new: a name is enough; sectors, offers and seeks may follow. Added, the page
   * is told (onPersonAdded), which opens their profile; Cancel or Escape closes the panel.
   */
  function showNew(): void {
    reset(true);
    const form = profileForm(null, {
      saved: (saved) => opts.onPersonAdded?.(saved),
      cancel: () => {
        newForm = null; // dropped on purpose: nothing to ask about
        opts.onClose();
      },
    });
    adding = true;
    newForm = form;
    root.append(
      el('header', { class: 'panel-head' }, [el('div', { class: 'panel-titles' }, [el('h2', { class: 'person-name', text: 'New person' })]), closeButton]),
      el('section', { class: 'panel-section new-person' }, [
        el('p', { class: 'muted small new-person-note', text: 'A name is enough to add someone. Once added, their profile records the events they drove or were reached by (these link them on the map) and whom they trust (what introductions run on).' }),
        form.element,
      ]),
    );
    form.focus();
  }

  /**
   * Empties the panel for what it shows next (`open`: a profile or the new-person form; else nothing): its requests
   * aborted, its chart and forms dropped.
   */
  function reset(open: boolean): void {
    controller?.abort();
    scoresController?.abort();
    controller = null;
    person = null;
    destroyChart();
    redrawCurve = redrawIntroducerCurve = redrawComparison = null;
    editor = events = trust = newForm = null;
    adding = false;
    clear(root);
    root.hidden = !open;
    root.classList.toggle('open', open);
  }

  async function show(id: string): Promise<void> {
    reset(true);
    const c = new AbortController();
    controller = c;
    person = id;
    historyShown = HISTORY_PAGE;
    hiddenShown = HIDDEN_PAGE;

    const title = el('h2', { class: 'person-name', text: 'Loading…' });
    const timeNote = el('span', { class: 'time-note' });
    const subtitle = el('div', { class: 'person-sub' });
    const flags = el('div', { class: 'flags' });
    const who = el('div', { class: 'who' });
    const scoresSlot = el('div', {}, [loading()]);
    const curveSlot = el('div', { class: 'curve-slot' }, [loading()]);
    const fadeSlot = el('span', { class: 'fade-slot' });
    const polaritySlot = el('div', {}, [loading()]);
    const mediaSlot = el('div', {}, [loading()]);
    const reachSlot = el('div', {}, [loading()]);
    const introducerSlot = el('div');
    const timeSlots: TimeSlots = { note: timeNote, scores: scoresSlot, polarity: polaritySlot, media: mediaSlot, reach: reachSlot, introducer: introducerSlot };
    slots = timeSlots;
    const suggestionsSlot = el('div', { class: 'meet-list' }, [loading('Finding introductions…')]);
    const introduceSlot = el('div', { class: 'introduce-list' }, [loading('Finding pairs to introduce…')]);
    const historySlot = el('div', {}, [loading()]);
    const trustSlot = el('div', {}, [loading()]);
    const eventsSlot = el('div', {}, [loading()]);
    const eventsAction = el('span');
    const hiddenSlot = el('div', { class: 'hidden-slot' });
    const lists: ListSlots = { meet: suggestionsSlot, introduce: introduceSlot, hidden: hiddenSlot, history: historySlot };
    const notInView = opts.inGraph(id)
      ? null
      : el('p', { class: 'note small' }, [
          'Not in the current map (filtered out or below the node limit). ',
          opts.focus
            ? el('button', { class: 'link small', text: 'Show their neighbourhood', attrs: { type: 'button' }, on: { click: () => opts.focus!.onChange(id) } })
            : '',
        ]);

    const editButton = el('button', { class: 'btn btn-small btn-ghost panel-edit', text: 'Edit', title: 'Edit the name, sectors, offers and seeks', attrs: { type: 'button' } });
    editButton.hidden = true;

    root.append(
      el('header', { class: 'panel-head' }, [el('div', { class: 'panel-titles' }, [title, subtitle]), neighbourhoodButton(id) ?? '', editButton, closeButton]),
      flags,
      notInView ?? '',
      who,
      section('Scores and ranks', scoresSlot, timeNote),
      section('Influence over time', curveSlot, fadeSlot),
      section('Positive and negative', polaritySlot),
      el('div', { class: 'two-col' }, [section('By medium', mediaSlot), section('Sector reach', reachSlot, sectorsLink() ?? undefined)]),
      section('Events', eventsSlot, eventsAction),
      introducerSlot,
      section('Whom to meet', suggestionsSlot, sectorSelect('meet', id, c.signal, lists)),
      opts.findPeople
        ? section(
            'How to reach…',
            reachBox({
              api,
              from: id,
              signal: c.signal,
              ...opts.findPeople,
              onHighlight: opts.onHighlightPath,
              onSelectPerson: opts.onSelectPerson,
              initial: opts.reach?.target() ?? null,
              onTarget: opts.reach?.onTarget,
            }),
          )
        : '',
      // the suggestions hidden from either list, at the end of the suggestions
      section('Whom to introduce', el('div', {}, [introduceSlot, hiddenSlot]), sectorSelect('introduce', id, c.signal, lists)),
      section('Trust', trustSlot),
      section('Introductions', historySlot),
    );

    const at = isoAt();
    const profileP = loadProfile(id, c.signal, timeSlots, at);
    // the chart follows the map: sized by Introducer, it shows the introducer score (when there is one, below)
    const asked: CurveKind = opts.metric() === 'introducer' ? 'introducer' : 'activity';
    const curveP = fetchCurve(id, asked, c.signal);
    const meet = askList('meet', id, c.signal);
    const introduce = askList('introduce', id, c.signal);
    const historyP = loadHistory(id, c.signal, historySlot);
    void loadHidden(id, c.signal, lists);

    const loaded = await profileP;
    if (c.signal.aborted) return;
    if (loaded && 'error' in loaded && loaded.error instanceof ApiError && loaded.error.status === 404) {
      c.abort();
      showUnknown(id, loaded.error);
      return;
    }
    const profile = loaded && 'profile' in loaded ? loaded.profile : null;
    if (profile) {
      const p = profile.person;
      title.textContent = p.name;
      clear(subtitle);
      subtitle.append(chips(p.sectors, 'sector', opts.sectorColor, 'no sector listed'));
      if (profile.community !== null) subtitle.append(communityChip(profile.community, opts.communityName?.(profile.community) ?? null));
      clear(flags);
      if (profile.flags.ring) {
        flags.append(el('p', { class: 'warning small', text: `⚠ Possible collusion ring${profile.flags.reason ? `: ${profile.flags.reason}` : ''}` }));
      }
      clear(who);
      who.append(
        el('div', { class: 'who-row' }, [el('span', { class: 'who-label', text: 'Offers' }), chips(p.offers, 'offer')]),
        el('div', { class: 'who-row' }, [el('span', { class: 'who-label', text: 'Seeks' }), chips(p.seeks, 'seek')]),
      );
      editButton.hidden = false;
      editButton.addEventListener('click', () => startEditing(p, { who, subtitle, button: editButton }));
      // whom they trust and who trusts them: what their introductions run on
      trust = trustSection({
        api,
        person: p,
        signal: c.signal,
        nameOf: opts.nameOf,
        findPeople: opts.findPeople,
        onSelectPerson: opts.onSelectPerson,
        onChanged: () => {
          reloadList('meet', id, c.signal, lists);
          reloadList('introduce', id, c.signal, lists);
          opts.onTiesChanged?.();
        },
      });
      trustSlot.replaceChildren(trust.element);
      // what the influence above is made of, and where more is recorded
      const eventsPart = eventsSection({
        api,
        person: p,
        signal: c.signal,
        known: { kinds: meta.kinds, sectors: meta.eventSectors, media: meta.media },
        nameOf: opts.nameOf,
        findPeople: opts.findPeople,
        onSeekTime: (ms) => opts.onSeekTime?.(ms),
        onChanged: () => void eventsChanged(id, c.signal),
        now: () => Date.now(),
      });
      eventsSlot.replaceChildren(eventsPart.element);
      eventsAction.replaceChildren(eventsPart.record);
      events = eventsPart;
    } else {
      title.textContent = id;
      clear(trustSlot);
      clear(eventsSlot);
    }

    // someone who made introductions gets a switch between the two curves; anyone else, their events' curve
    const introduces = (profile?.introducer?.made ?? 0) > 0;
    const kind: CurveKind = asked === 'introducer' && !introduces ? 'activity' : asked;
    await drawCurve(id, kind, kind === asked ? curveP : fetchCurve(id, kind, c.signal), introduces, { curve: curveSlot, fade: fadeSlot }, c.signal);

    // Whom to meet (through whom), and the pairs this person is best placed to introduce.
    const listOptions = listOptionsFor(id, c.signal, lists);
    await fillSuggestions(suggestionsSlot, meet.request, { ...listOptions, empty: emptyList('meet', meet.sector) }, meet.signal);
    await fillSuggestions(introduceSlot, introduce.request, { ...listOptions, empty: emptyList('introduce', introduce.sector) }, introduce.signal);
    await historyP;
  }

  function fetchCurve(id: string, kind: CurveKind, signal: AbortSignal): Promise<CurveResponse> {
    // the introducer curve runs over the server's own span, which reaches the latest introduction or outcome
    const range = kind === 'introducer' ? null : meta.timeRange;
    const p = api.curve(id, { from: range?.from, to: range?.to, metric: kind }, signal);
    p.catch(() => {}); // awaited by drawCurve, unless the person turns out to be unknown (then aborted)
    return p;
  }

  /** The switch above the chart between the two curves, for someone who made introductions. */
  function curveSwitch(kind: CurveKind, onPick: (kind: CurveKind) => void): HTMLElement {
    return segmented<CurveKind>({
      className: 'curve-switch',
      label: 'Influence over time: which curve',
      key: 'curve',
      options: (Object.keys(CURVE_KINDS) as CurveKind[]).map((k) => ({ value: k, text: CURVE_KINDS[k].label, title: CURVE_KINDS[k].title })),
      value: kind,
      onPick,
    }).element;
  }

  /** The decay chart of one curve, its fade badge and what it shows (peaks, half-life, comebacks…). */
  async function drawCurve(
    id: string,
    kind: CurveKind,
    curveP: Promise<CurveResponse>,
    introduces: boolean,
    slots: { curve: HTMLElement; fade: HTMLElement },
    signal: AbortSignal,
  ): Promise<void> {
    const drawing = ++curveDrawings;
    try {
      const curve = await curveP;
      // a later switch (or another person) wins
      if (signal.aborted || drawing !== curveDrawings) return;
      destroyChart();
      clear(slots.curve);
      clear(slots.fade);
      redrawCurve = () => void drawCurve(id, kind, fetchCurve(id, kind, signal), introduces, slots, signal);
      redrawIntroducerCurve = kind === 'introducer' ? redrawCurve : null;
      if (introduces) slots.curve.append(curveSwitch(kind, (next) => void drawCurve(id, next, fetchCurve(id, next, signal), introduces, slots, signal)));
      const fade = FADE_TEXT[curve.fadeClass] ?? FADE_TEXT.none;
      slots.fade.append(el('span', { class: `fade-badge fade-${curve.fadeClass}`, text: fade.label, title: fade.text }));
      const width = Math.max(200, slots.curve.clientWidth || root.clientWidth - 40);
      const box = el('div', { class: 'chart-box' });
      slots.curve.append(box);
      // the people compared with, over the same range: one who cannot be drawn (deleted meanwhile) is left out
      const chosen = await comparedPeople(signal);
      const others = comparedWith(id, chosen);
      const otherCurves = await Promise.all(others.map((o) => fetchCurve(o.id, kind, signal).catch(() => null)));
      // uPlot is loaded with the first panel, not with the page.
      const { alignCurve, createDecayChart, hasInformativeSplit } = await import('../chart/decay-chart.ts');
      if (signal.aborted || drawing !== curveDrawings) return;
      const xs = curve.points.map((p) => p.t);
      const compare: ComparedLine[] = others.flatMap((o, k) => (otherCurves[k] ? [{ label: o.name, color: o.color, values: alignCurve(xs, otherCurves[k]!.points) }] : []));
      chart = createDecayChart(box, curve, { width, height: CHART_HEIGHT, label: CURVE_KINDS[kind].line, compare });
      chart.setTime(opts.time());
      const facts: string[] = [fade.text];
      if (curve.halfLifeDays !== null) facts.push(`half-life ${formatDays(curve.halfLifeDays)}`);
      if (curve.resurgences.length) facts.push(`${curve.resurgences.length} comeback${curve.resurgences.length === 1 ? '' : 's'}`);
      if (curve.dormancy.length) facts.push(`${curve.dormancy.length} dormant period${curve.dormancy.length === 1 ? '' : 's'}`);
      if (curve.period) facts.push(`recurs every ${formatDays(curve.period.days)}`);
      slots.curve.append(
        el('div', { class: 'chart-legend' }, [
          el('span', { class: 'lg lg-line', text: CURVE_KINDS[kind].line }),
          ...(hasInformativeSplit(curve) ? [el('span', { class: 'lg lg-pos', text: 'positive' }), el('span', { class: 'lg lg-neg', text: 'negative' })] : []),
          el('span', { class: 'lg lg-peak', text: 'peak' }),
          el('span', { class: 'lg lg-resurgence', text: 'comeback' }),
          el('span', { class: 'lg lg-dormant', text: 'dormant' }),
          ...compare.map((c) => el('span', { class: 'lg lg-compare', text: c.label, style: { '--compare': c.color } })),
        ]),
        el('p', { class: 'muted small', text: facts.join(' · ') }),
      );
      redrawComparison = () => void drawCurve(id, kind, Promise.resolve(curve), introduces, slots, signal);
      if (opts.findPeople && opts.compare) {
        slots.curve.append(compareField(id, chosen));
        if (focusCompare) slots.curve.querySelector<HTMLInputElement>('.compare-field input')?.focus();
        focusCompare = false;
      }
    } catch (err) {
      if (signal.aborted || drawing !== curveDrawings) return;
      clear(slots.curve);
      slots.curve.append(errorText(err));
    }
  }

  /**
   * "Compare with": the people whose curves the chart draws beside this one (at most MAX_COMPARE, the oldest choice
   * giving way), each chip in its line's colour; a change goes to the page (the link), which redraws the chart.
   */
  function compareField(id: string, chosen: readonly { id: string; name: string }[]): HTMLElement {
    const field = peopleField({
      label: 'Compare with',
      initial: chosen,
      find: opts.findPeople!,
      listId: 'compare-hits',
      placeholder: 'Someone else…',
      onPick: (hit) => compareNames.set(hit.id, hit.name),
      onChange: () => {
        focusCompare = true;
        opts.compare!.onChange(field.ids().slice(-MAX_COMPARE));
      },
    });
    field.element.classList.add('compare-field');
    const colors = new Map(comparedWith(id, chosen).map((p) => [p.id, p.color]));
    field.element.querySelectorAll<HTMLElement>('.person-chip').forEach((chip, k) => {
      const color = colors.get(chosen[k]?.id ?? '');
      if (color) chip.style.setProperty('--compare', color);
    });
    return field.element;
  }

  function listOptionsFor(id: string, signal: AbortSignal, lists: ListSlots): SuggestionListOptions {
    return {
      api,
      viewer: id,
      onHighlight: opts.onHighlightPath,
      onSelectPerson: opts.onSelectPerson,
      onRecorded: () => {
        void loadHistory(id, signal, lists.history);
        opts.onIntroductionsChanged?.();
      },
      onDismissed: () => void loadHidden(id, signal, lists),
    };
  }

  /** Asks again for one of the lists, in its current sector, and fills its slot. */
  function reloadList(kind: ListKind, id: string, signal: AbortSignal, lists: ListSlots): void {
    const asked = askList(kind, id, signal);
    const slot = lists[kind];
    clear(slot);
    slot.append(loading(kind === 'meet' ? 'Finding introductions…' : 'Finding pairs to introduce…'));
    void fillSuggestions(slot, asked.request, { ...listOptionsFor(id, signal, lists), empty: emptyList(kind, asked.sector) }, asked.signal);
  }

  /** The suggestions this person hid, with Restore (which brings both lists up to date). */
  async function loadHidden(id: string, signal: AbortSignal, lists: ListSlots): Promise<void> {
    try {
      const page = await api.dismissals(id, hiddenShown, signal);
      const names = await introductionNames(
        page.items.map((d) => ({ introducer: d.by, a: d.a, b: d.b })),
        opts.nameOf,
        api,
        signal,
      );
      if (signal.aborted) return;
      const open = lists.hidden.querySelector('details')?.open ?? false;
      clear(lists.hidden);
      const onRestored = () => {
        reloadList('meet', id, signal, lists);
        reloadList('introduce', id, signal, lists);
        void loadHidden(id, signal, lists);
      };
      const onMore = {
        pageSize: HIDDEN_PAGE,
        show: () => {
          hiddenShown += HIDDEN_PAGE;
          void loadHidden(id, signal, lists);
        },
      };
      const folded = hiddenSuggestions(page, { api, viewer: id, names, onRestored, onMore });
      if (folded instanceof HTMLDetailsElement) folded.open = open;
      lists.hidden.append(folded);
    } catch (err) {
      if (signal.aborted) return;
      clear(lists.hidden);
      lists.hidden.append(errorText(err));
    }
  }

  async function fillSuggestions(slot: HTMLElement, request: Promise<SuggestionsResponse>, options: SuggestionListOptions, signal: AbortSignal): Promise<void> {
    try {
      const suggestions = await request;
      if (signal.aborted) return;
      clear(slot);
      slot.append(suggestionList(suggestions.items, options));
    } catch (err) {
      if (signal.aborted) return;
      clear(slot);
      slot.append(errorText(err));
    }
  }

  /** Asks for one of the lists in its current sector, aborting that list's request before. */
  function askList(kind: ListKind, id: string, signal: AbortSignal): { request: Promise<SuggestionsResponse>; signal: AbortSignal; sector: string | null } {
    listRequest[kind]?.abort();
    const own = new AbortController();
    listRequest[kind] = own;
    const current = AbortSignal.any([signal, own.signal]);
    const sector = listSector[kind];
    const request = kind === 'meet' ? api.suggestions(id, SUGGESTIONS, current, sector) : api.introducerSuggestions(id, SUGGESTIONS, current, sector);
    request.catch(() => {});
    return { request, signal: current, sector };
  }

  /**
   * "in any sector ▾" beside a list's heading (the API's `sector`): whom this person should meet in a sector, or
   * the pairs to introduce with someone in it. The choice stays while the panel moves from person to person.
   * None when nobody lists a sector.
   */
  function sectorSelect(kind: ListKind, id: string, signal: AbortSignal, lists: ListSlots): HTMLElement | undefined {
    if (meta.peopleSectors.length === 0) return undefined;
    const label = kind === 'meet' ? 'Whom to meet: in which sector' : 'Whom to introduce: pairs with someone in which sector';
    const select = el('select', { class: `list-sector ${kind}-sector`, attrs: { 'aria-label': label } }, [
      new Option('in any sector', ''),
      ...meta.peopleSectors.map((s) => new Option(`in ${s}`, s)),
    ]);
    select.value = listSector[kind] ?? '';
    select.addEventListener('change', () => {
      listSector[kind] = select.value || null;
      reloadList(kind, id, signal, lists);
    });
    return select;
  }

  /** The person's introductions with the names of everyone in them (from the map, else from the API). */
  async function loadHistory(id: string, signal: AbortSignal, slot: HTMLElement): Promise<void> {
    try {
      const page = await api.introductions(id, historyShown, signal);
      const names = await introductionNames(page.items, opts.nameOf, api, signal);
      if (signal.aborted) return;
      clear(slot);
      const onOutcome = () => {
        reloadProfile();
        redrawIntroducerCurve?.();
        opts.onIntroductionsChanged?.();
      };
      const onMore = {
        pageSize: HISTORY_PAGE,
        show: () => {
          historyShown += HISTORY_PAGE;
          void loadHistory(id, signal, slot);
        },
      };
      slot.append(introductionHistory(page, { api, viewer: id, names, onSelectPerson: opts.onSelectPerson, onOutcome, onMore, now: Date.now() }));
    } catch (err) {
      if (signal.aborted) return;
      clear(slot);
      slot.append(errorText(err));
    }
  }

  /** After an event changed: the page refreshes (meta, the map), then the scores and the curve are asked again. */
  async function eventsChanged(id: string, signal: AbortSignal): Promise<void> {
    await opts.onEventsChanged?.().catch(() => {});
    if (signal.aborted || person !== id) return;
    reloadProfile();
    redrawCurve?.();
  }

  function stat(name: string, value: string): HTMLElement {
    return el('div', { class: 'score' }, [el('span', { class: 'score-name', text: name }), el('span', { class: 'score-value', text: value })]);
  }

  return {
    get person() {
      return person;
    },
    get chart() {
      return chart;
    },
    show,
    setTime(ms) {
      chart?.setTime(ms);
    },
    compareChanged() {
      redrawComparison?.();
    },
    focusChanged() {
      showFocused();
    },
    refreshScores() {
      if (isoAt() !== lastScoresAt) reloadProfile();
    },
    unsaved() {
      if (newForm?.unsaved()) return 'the person you began to add';
      if (editor?.element.isConnected && editor.unsaved()) return 'your edits to the profile';
      if (events?.unsaved()) return 'the event you began to record';
      return trust?.unsaved() ?? null;
    },
    setMeta(next) {
      meta = next;
      for (const s of next.sectors) known.sectors.add(s);
      for (const s of next.skills) known.skills.add(s);
    },
    showNew,
    get adding() {
      return adding;
    },
    hide() {
      reset(false);
    },
    teardown() {
      this.hide();
    },
  };
}
