// A seeded generator of Unicode strings for the differential test: every plane, combining marks,
// look-alikes, forbidden characters and their look-alikes, invisible and format characters, many
// scripts, reserved-handle variants, and over-long strings up to 256 bytes. Same seed, same strings.

/** xorshift128+ on BigInt-free 32-bit halves: a small, fast, reproducible PRNG. */
export function prng(seed) {
  let a = seed >>> 0 || 1;
  let b = (seed * 2654435761) >>> 0 || 2;
  let c = (seed ^ 0xdeadbeef) >>> 0 || 3;
  let d = (seed + 0x9e3779b9) >>> 0 || 4;
  const next = () => {
    // sfc32
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)] };
}

const cps = (s) => [...s];
const range = (lo, hi) => Array.from({ length: hi - lo + 1 }, (_, i) => String.fromCodePoint(lo + i));

const POOLS = {
  ascii: cps('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'),
  forbidden: cps('@#:.`'),
  forbiddenLookalikes: cps('＠﹫＃﹟：﹕︓．﹒。･·․·ˑ‧∙⋅ꞏ՝׃܃܄܅܆܇܈ː꞉˸∶⁚⁝'),
  apostrophes: cps("'ʼʹ′‵ˊˋ`´῾᾿ʻʽ"),
  latinDiacritics: cps('àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćĐđĦħİıĲĳŁłŒœŠšŸŽžƒǅǈǋǲȘșȚțẞßÐỨứ'),
  combining: range(0x300, 0x36f),
  greek: range(0x391, 0x3c9).filter((c) => c !== '\u03a2'),
  cyrillic: range(0x400, 0x45f).concat(cps('ґҐ')),
  armenian: range(0x531, 0x556),
  hebrew: range(0x5d0, 0x5ea).concat(range(0x5b0, 0x5bd)),
  arabic: range(0x621, 0x64a).concat(range(0x64b, 0x652)),
  devanagari: range(0x900, 0x97f),
  tamil: range(0xb82, 0xbcd),
  thai: range(0xe01, 0xe3a).concat(range(0xe40, 0xe4e)),
  lao: range(0xe81, 0xecd),
  tibetan: range(0xf40, 0xf7e),
  myanmar: range(0x1000, 0x103f),
  khmer: range(0x1780, 0x17d3),
  hangul: range(0xac00, 0xac40).concat(range(0x1100, 0x1112)),
  kana: range(0x3041, 0x3096).concat(range(0x30a1, 0x30fc)),
  han: range(0x4e00, 0x4e80).concat(cps('東京中文字漢')),
  bopomofo: range(0x3105, 0x312f),
  digits: cps('0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩०१२३४५६७८९𝟎𝟏𝟐'),
  fullwidth: range(0xff21, 0xff3a).concat(range(0xff41, 0xff5a)),
  mathAlnum: range(0x1d400, 0x1d433).concat(range(0x1d7ce, 0x1d7ff)),
  invisible: cps('\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u180e\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufe00\ufe0f\u{e0001}\u{e0041}\u{e007f}\u{e0100}'),
  whitespace: cps(' \t\n\r\u00a0\u1680\u2000\u2003\u2028\u2029\u202f\u205f\u3000\u000b\u000c\u0085'),
  controls: range(0x0, 0x1f).concat(range(0x7f, 0x9f)),
  symbols: cps('!$%&*+/<=>?^|~©®™€£¥§¶°±×÷←→↑↓∀∃∑√∞≈≠≤≥♠♥✓✔❤☃'),
  emoji: cps('😀😎🎉👍🏽👨‍👩‍👧🇺🇸🔥💯🙂🦀⭐️'),
  lookalikes: cps('аеорсухіјԁһӏɑοΟΑΒΕΖΗΙΚΜΝΡΤΥΧϲⅼⅠⅰℓǀ∣ｌ𝐥𝟏'),
  sara: cps('ำຳ'),
};
const POOL_NAMES = Object.keys(POOLS);
// Pools of letters of one script each: mostly valid handles, so canonical forms get compared.
const LETTER_POOLS = ['ascii', 'latinDiacritics', 'greek', 'cyrillic', 'armenian', 'hebrew', 'arabic', 'devanagari', 'tamil', 'thai', 'lao', 'tibetan', 'myanmar', 'khmer', 'hangul', 'kana', 'han', 'bopomofo', 'fullwidth', 'mathAlnum', 'lookalikes'];
const WORDS = ['alice', 'Alice', 'ALICE', 'AIice', 'a1ice', 'аlice', 'alicë', 'bob', 'dob', 'pay', 'par', 'modern', 'rnodern', 'admin', 'ADMIN', 'adm1n', 'аdmin', 'everyone', 'all', 'ALL', 'a11', 'straße', 'Ωμέγα', 'Дмитрий', 'crème_brûlée', 'jean-luc', '東京', 'パン', 'ハン', 'बंद', 'ज़रा', 'கல்', 'ทำ', 'น้ำ', 'ຳນ', 'ដំរី', 'مُحَمَّد', 'יוסי', 'ґанок', 'दुःख', 'ÐỨC', 'ĐỨC', 'alice·4821', 'Alice.4821'];

function randomCodePoint(r) {
  // Every plane: choose a plane, then a code point in it, skipping surrogates.
  const plane = r.int(4) === 0 ? r.int(17) : r.pick([0, 0, 0, 1, 2]);
  for (;;) {
    const cp = plane * 0x10000 + r.int(0x10000);
    if (cp < 0xd800 || cp > 0xdfff) return String.fromCodePoint(cp);
  }
}

const utf8Len = (s) => Buffer.byteLength(s, 'utf8');

function fromPools(r, pools, length) {
  let s = '';
  for (let i = 0; i < length; i++) s += r.pick(POOLS[r.pick(pools)]);
  return s;
}

/** One random string of at most `maxBytes` UTF-8 bytes. */
export function randomHandle(r, maxBytes = 256) {
  let s;
  switch (r.int(16)) {
    case 0:
    case 1: {
      const n = 1 + r.int(10);
      s = '';
      for (let i = 0; i < n; i++) s += randomCodePoint(r);
      break;
    }
    case 2: // one script, sometimes with combining marks or digits
      s = fromPools(r, [r.pick(POOL_NAMES)], 1 + r.int(10));
      break;
    case 3:
      s = fromPools(r, [r.pick(POOL_NAMES), r.pick(POOL_NAMES), 'ascii'], 2 + r.int(10));
      break;
    case 4: // a known word, mutated
    case 5: {
      const w = cps(r.pick(WORDS));
      const edits = 1 + r.int(3);
      for (let i = 0; i < edits; i++) {
        const at = r.int(w.length + 1);
        const ch = r.pick(POOLS[r.pick(['forbidden', 'forbiddenLookalikes', 'combining', 'lookalikes', 'invisible', 'latinDiacritics', 'digits', 'apostrophes', 'ascii', 'sara'])]);
        const op = r.int(3);
        if (op === 0) w.splice(at, 0, ch);
        else if (op === 1 && w.length > 0) w.splice(Math.min(at, w.length - 1), 1, ch);
        else if (w.length > 1) w.splice(Math.min(at, w.length - 1), 1);
      }
      s = w.join('');
      break;
    }
    case 6: // reserved-handle variants
      s = cps(r.pick(['admin', 'everyone', 'all'])).map((c) => (r.int(3) === 0 ? r.pick(POOLS.lookalikes.concat(POOLS.fullwidth, c.toUpperCase())) : r.int(2) ? c.toUpperCase() : c)).join('');
      break;
    case 7: // leading combining mark or invisible
      s = r.pick(POOLS[r.pick(['combining', 'invisible'])]) + fromPools(r, ['ascii', 'latinDiacritics'], 1 + r.int(6));
      break;
    case 8: { // over-long: 33..256 bytes
      const target = 33 + r.int(maxBytes - 32);
      const pools = [r.pick(POOL_NAMES), 'ascii'];
      s = '';
      for (;;) {
        const ch = r.pick(POOLS[r.pick(pools)]);
        if (utf8Len(s + ch) > target) break;
        s += ch;
      }
      break;
    }
    case 9: // near the 32-byte bound
      s = fromPools(r, [r.pick(['ascii', 'cyrillic', 'han', 'devanagari', 'mathAlnum', 'thai'])], 8 + r.int(26));
      break;
    case 10: // base.suffix-like
      s = r.pick(WORDS) + r.pick(POOLS.forbiddenLookalikes.concat('.')) + String(r.int(10000));
      break;
    case 11:
      s = fromPools(r, ['ascii', 'latinDiacritics', 'combining', 'digits'], 1 + r.int(12));
      break;
    case 12: // Han with Kana, Bopomofo or Hangul (highly restrictive allows these)
      s = fromPools(r, ['han', r.pick(['kana', 'bopomofo', 'hangul']), 'digits'], 2 + r.int(6));
      break;
    default: // letters of one script, now and then a digit, - or _ or a combining mark
      s = fromPools(r, [r.pick(LETTER_POOLS)], 2 + r.int(9));
      if (r.int(3) === 0) s += r.pick(POOLS[r.pick(['digits', 'combining', 'ascii'])]);
  }
  while (utf8Len(s) > maxBytes) s = cps(s).slice(0, -1).join('');
  return s;
}

export function randomHandles(seed, count, maxBytes = 256) {
  const r = prng(seed);
  return Array.from({ length: count }, () => randomHandle(r, maxBytes));
}
