// Reads the test vectors of the root README ("Test vectors": canonical forms, suffix candidates,
// MSA ids), so the tests follow the published tables.

function section(md, title) {
  const start = md.indexOf(`#### ${title}`);
  if (start < 0) throw new Error(`README has no "#### ${title}" section`);
  const rest = md.slice(start + 5);
  const end = rest.search(/\n#{2,4} |\n<!--/);
  return end < 0 ? rest : rest.slice(0, end);
}

function rows(text) {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[-| ]+\|$/.test(l))
    .slice(1)
    .map((l) => l.slice(1, -1).split(' | ').map((c) => c.trim().replace(/^`|`$/g, '')));
}

const fromCodePoints = (s) => String.fromCodePoint(...s.split(' ').map((u) => parseInt(u.slice(2), 16)));

export function readmeVectors(md) {
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
