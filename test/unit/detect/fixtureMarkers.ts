/** Reads the labelled detector fixtures: `⟦text|value⟧` must be a token, `⟪text⟫` must not be touched by one. */
import { HEADER_BY_LOWER, methodFromName } from '../../../server/src/detect/httpVocabulary';
import type { HttpToken } from '../../../server/src/detect/token';

export interface Label {
  start: number;
  end: number;
  text: string;
  /** Expected value for positives. */
  value?: HttpToken['value'];
  line: number;
}

export interface LabelledText {
  text: string;
  positives: Label[];
  negatives: Label[];
}

const MARKER = /⟦([^⟦⟧]*)⟧|⟪([^⟪⟫]*)⟫/g;

export function parseLabels(marked: string): LabelledText {
  const positives: Label[] = [];
  const negatives: Label[] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(MARKER)) {
    text += marked.slice(last, m.index);
    last = m.index! + m[0].length;
    const line = text.split('\n').length;
    if (m[1] !== undefined) {
      const bar = m[1].lastIndexOf('|');
      const body = bar >= 0 ? m[1].slice(0, bar) : m[1];
      const value = bar >= 0 ? parseValue(m[1].slice(bar + 1)) : impliedValue(body);
      if (value === undefined) throw new Error(`line ${line}: ⟦${m[1]}⟧ needs a value (⟦text|value⟧)`);
      positives.push({ start: text.length, end: text.length + body.length, text: body, value, line });
      text += body;
    } else {
      negatives.push({ start: text.length, end: text.length + m[2].length, text: m[2], line });
      text += m[2];
    }
  }
  text += marked.slice(last);
  return { text, positives, negatives };
}

function parseValue(v: string): HttpToken['value'] {
  return /^\d{3}$/.test(v) ? Number(v) : v;
}

/** Digits, a method or a header name say what they are; anything else must be labelled. */
function impliedValue(body: string): HttpToken['value'] | undefined {
  const bare = body.replace(/^['"`]|['"`]$/g, '');
  if (/^\d{3}$/.test(bare)) return Number(bare);
  return methodFromName(bare) ?? HEADER_BY_LOWER.get(bare.toLowerCase());
}

export interface Score {
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
}

/** Compares the detector's tokens with the labels: a token counts only with the exact range and value. */
export function score(labelled: LabelledText, tokens: readonly HttpToken[], where: string): Score {
  const byRange = new Map(labelled.positives.map((p) => [`${p.start}:${p.end}`, p]));
  const found = new Set<Label>();
  const falsePositives: string[] = [];
  const lineOf = (offset: number) => labelled.text.slice(0, offset).split('\n').length;
  for (const t of tokens) {
    const label = byRange.get(`${t.start}:${t.end}`);
    const text = labelled.text.slice(t.start, t.end);
    if (label && label.value === t.value) found.add(label);
    else falsePositives.push(`${where}:${lineOf(t.start)}: unexpected ${t.kind} ${JSON.stringify(text)} = ${t.value} (${t.family})${label ? `, labelled ${label.value}` : ''}`);
  }
  const falseNegatives = labelled.positives.filter((p) => !found.has(p)).map((p) => `${where}:${p.line}: missed ${JSON.stringify(p.text)} = ${p.value}`);
  return { truePositives: found.size, falsePositives, falseNegatives };
}
