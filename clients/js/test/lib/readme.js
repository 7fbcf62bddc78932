// Reads the test vectors the rules crate publishes (pallets/handles-rules/README.md, "Test vectors":
// canonical forms, suffix candidates, MSA ids), so the tests follow the published tables.

import { readFileSync } from 'node:fs';

/** The README of the rules crate, which holds the test vectors. */
export const RULES_README = new URL('../../../../pallets/handles-rules/README.md', import.meta.url);

function section(md, title) {
  const heading = new RegExp(`^#{2,4} ${title}$`, 'm').exec(md);
  if (!heading) throw new Error(`README has no "${title}" section`);
  const rest = md.slice(heading.index + heading[0].length);
  const end = rest.search(/\n#{1,4} |\n<!--/);
  return end < 0 ? rest : rest.slice(0, end);
}

function rows(text) {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[-| ]+\|$/.test(l))
    .slice(1)
    .map((l) => l.slice(1, -1).split(' | ').map((c) => c.trim().replace(/^`|`$/g, '').replace(/\\\|/g, '|')));
}

const fromCodePoints = (s) => String.fromCodePoint(...s.split(' ').map((u) => parseInt(u.slice(2), 16)));

/** The vectors of a README text (the rules crate's README when `md` is omitted). */
export function readmeVectors(md = readFileSync(RULES_README, 'utf8')) {
  const canonical = rows(section(md, 'Canonical forms')).map(([input, points, form]) => {
    const exact = fromCodePoints(points);
    if (exact !== input) throw new Error(`README row ${input}: the code points say ${JSON.stringify(exact)}`);
    return { input: exact, canonical: form };
  });
  const candidates = rows(section(md, 'Suffix candidates')).map(([seed, form, range, list]) => {
    const [min, max] = range.split('..=').map(Number);
    return { seed, canonical: form, min, max, candidates: list.split(', ').map(Number) };
  });
  const msaIds = rows(section(md, 'MSA ids')).map(([form, suffix, display, id]) => ({ canonical: form, suffix: Number(suffix), display, msaId: Number(id) }));
  return { canonical, candidates, msaIds };
}

/** The one list of the rules crate's vectors, `pallets/handles-rules/tests/vectors/mod.rs`. */
export const VECTORS_RS = new URL('../../../../pallets/handles-rules/tests/vectors/mod.rs', import.meta.url);

/**
 * What the README tables must hold, read from the one list (`tests/vectors/mod.rs`): `corpus`,
 * every handle of its `GROUPS` once in order (the inputs of the canonical forms), and the row
 * counts of the suffix candidates (forms x ranges x seeds) and of the MSA ids.
 */
export function listedVectors(rs = readFileSync(VECTORS_RS, 'utf8')) {
  const need = (re, what) => {
    const m = re.exec(rs);
    if (!m) throw new Error(`tests/vectors/mod.rs: no ${what}`);
    return m[1];
  };
  const literal = (s) => s.replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\\(.)/g, '$1');
  const corpus = [];
  const groups = need(/^pub const GROUPS: &\[Group\] = &\[([^\]]*)\];/m, 'GROUPS').split(',').map((g) => g.trim()).filter(Boolean);
  for (const group of groups) {
    const body = need(new RegExp(`^pub const ${group}: Group =([\\s\\S]*?);\\n`, 'm'), `group ${group}`);
    for (const [, s] of body.matchAll(/"((?:[^"\\]|\\.)*)"/g)) if (!corpus.includes(literal(s))) corpus.push(literal(s));
  }
  const forms = Number(need(/^pub const CANDIDATE_FORMS: \[&str; (\d+)\]/m, 'CANDIDATE_FORMS'));
  const ranges = Number(need(/^pub const RANGES: \[\(u32, u32\); (\d+)\]/m, 'RANGES'));
  const seeds = Number(need(/^pub fn seeds\(\) -> \[\[u8; 32\]; (\d+)\]/m, 'seeds'));
  const msaIds = need(/^pub const MSA_IDS: [^=]*= &\[([\s\S]*?)\];/m, 'MSA_IDS').match(/\(/g).length;
  return { corpus, candidates: forms * ranges * seeds, msaIds };
}
