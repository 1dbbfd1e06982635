/** Which guidelines a reader sees for a topic, in which order: followed ones first, hidden ones left out, standards apart. */
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Guideline, GuidelineRule, Reference, Topic, TopicGuideline } from '../corpus/model';

/** What a team said about guidelines (`apiGuidelines.guidelines.*`, `--follow`, `--hide`). */
export interface GuidelinePreferences {
  /** Guideline ids or organisation names, in the team's order. */
  follow: readonly string[];
  /** Guideline ids or organisation names; `*` hides every guideline not followed. */
  hide: readonly string[];
}

export const NO_PREFERENCES: GuidelinePreferences = { follow: [], hide: [] };

/** A topic's guideline entry as a reader sees it. */
export interface ShownGuideline {
  entry: TopicGuideline;
  followed: boolean;
  standard: boolean;
}

/** Whether a follow or hide item names the guideline: its id, or its organisation (case does not matter). */
export function namesGuideline(item: string, g: { guidelineId?: string; id?: string; company: string }): boolean {
  const wanted = item.trim().toLowerCase();
  return wanted === (g.guidelineId ?? g.id ?? '').toLowerCase() || wanted === g.company.toLowerCase();
}

/** The position of the guideline in the follow list, or -1. */
function followRank(prefs: GuidelinePreferences, g: TopicGuideline): number {
  return prefs.follow.findIndex((item) => namesGuideline(item, g));
}

/**
 * A topic's guidelines for display: followed ones first (in the team's order), then the other guidelines as the index
 * sorts them (by organisation), then the standards. Hidden guidelines are left out; a followed one is never hidden.
 */
export function arrangeGuidelines(guidelines: readonly TopicGuideline[], prefs: GuidelinePreferences = NO_PREFERENCES): ShownGuideline[] {
  const followed: { shown: ShownGuideline; rank: number }[] = [];
  const others: ShownGuideline[] = [];
  const standards: ShownGuideline[] = [];
  const hideAll = prefs.hide.includes('*');
  for (const entry of guidelines) {
    const standard = entry.kind === 'standard';
    const rank = followRank(prefs, entry);
    if (rank !== -1) {
      followed.push({ shown: { entry, followed: true, standard }, rank });
      continue;
    }
    if (!standard && (hideAll || prefs.hide.some((item) => namesGuideline(item, entry)))) continue;
    (standard ? standards : others).push({ entry, followed: false, standard });
  }
  followed.sort((a, b) => a.rank - b.rank);
  return [...followed.map((f) => f.shown), ...others, ...standards];
}

/** For search: whether a followed guideline covers the topic; undefined when nothing is followed. */
export function coveredByFollowed(prefs: GuidelinePreferences): ((topic: Topic) => boolean) | undefined {
  return prefs.follow.length ? (topic) => arrangeGuidelines(topic.guidelines, prefs)[0]?.followed === true : undefined;
}

/** How many topics each guideline id covers. */
export function topicsPerGuideline(index: CorpusIndex): Map<string, number> {
  const covered = new Map<string, number>();
  for (const t of index.topics.values()) for (const g of t.guidelines) covered.set(g.guidelineId, (covered.get(g.guidelineId) ?? 0) + 1);
  return covered;
}

/** Follow items that name no guideline of the index: a typo the user should hear about. */
export function unknownFollows(index: CorpusIndex, items: readonly string[]): string[] {
  const guidelines = [...index.guidelines.values()];
  return items.filter((item) => item !== '*' && !guidelines.some((g) => namesGuideline(item, g)));
}

/** A checkable rule of a followed guideline. */
export interface FollowedRule {
  guideline: Guideline;
  rule: GuidelineRule;
  /** The diagnostic code: `zalando/150`. */
  code: string;
}

const followedRulesCache = new WeakMap<CorpusIndex, Map<string, FollowedRule[]>>();

/** The checkable rules of the followed guidelines, in the team's order (computed once per index and follow list). */
export function followedRules(index: CorpusIndex, follow: readonly string[]): FollowedRule[] {
  if (!follow.length) return [];
  let byList = followedRulesCache.get(index);
  if (!byList) followedRulesCache.set(index, (byList = new Map()));
  const key = follow.join('\n');
  let rules = byList.get(key);
  if (!rules) {
    rules = [];
    const guidelines = [...index.guidelines.values()];
    for (const item of follow) {
      for (const g of guidelines) {
        if (!namesGuideline(item, g) || rules.some((r) => r.guideline === g)) continue;
        // A rule that names what it rules out speaks to a token more precisely than a list of what is allowed.
        const ordered = [...(g.rules ?? [])].sort((a, b) => allowListOnly(a) - allowListOnly(b));
        for (const rule of ordered) rules.push({ guideline: g, rule, code: ruleCode(g.id, rule.id) });
      }
    }
    byList.set(key, rules);
  }
  return rules;
}

function allowListOnly(rule: GuidelineRule): number {
  const c = rule.check;
  return c.statusForbidden || c.methodsForbidden || c.headersForbidden ? 0 : 1;
}

/** `zalando/150`: a guideline's rule as a diagnostic code and a `--rule` / suppression id. */
export function ruleCode(guidelineId: string, ruleId: string): string {
  // Codes are words of suppression comments and `--rule` flags: letters, digits, `_`, `-`, `:` and `/` only.
  return `${guidelineId}/${ruleId.trim().replace(/^\/+/, '').replace(/[^A-Za-z0-9_:/-]+/g, '-')}`;
}

/** A rule id as readers know it: Zalando's numbers as `#150`, other ids as written (`AIP-193`, `R000013`). */
export function ruleLabel(rule: string): string {
  return /^\d+$/.test(rule) ? `#${rule}` : rule;
}

/** `#150 SHOULD`, `AIP-193`, `MUST`: the rule id and level of a reference, or ''; no level when the title starts with it (`MUST use …`). */
export function referenceBadge(r: Pick<Reference, 'rule' | 'level'> & { name?: string }): string {
  const level = r.level && !(r.name ?? '').toUpperCase().startsWith(r.level) ? r.level : '';
  return [r.rule ? ruleLabel(r.rule) : '', level].filter(Boolean).join(' ');
}

/** The short name of a standard for one-line lists: `RFC 9110: HTTP Semantics` → `RFC 9110`. */
export function shortTitle(title: string): string {
  const colon = title.indexOf(':');
  return colon > 0 && colon <= 24 ? title.slice(0, colon) : title;
}
