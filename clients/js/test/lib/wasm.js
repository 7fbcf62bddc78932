// Hand-built WebAssembly modules that speak the ABI of rules-wasm (its exports, an info record)
// but answer what a test needs: every query trapping (`unreachable`), returning a null pointer, or
// returning one fixed JSON record. The real module reaches none of these; the loader must still
// handle them.

const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];
/** A byte vector: its length, then the bytes. */
const bytesOf = (bytes) => [...uleb(bytes.length), ...bytes];
const name = (s) => bytesOf([...new TextEncoder().encode(s)]);
/** Signed LEB128, as `i32.const` takes its operand. */
const sleb = (n) => {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
};
const i32 = (n) => [0x41, ...sleb(n)];
/** A result record as the module lays it out: 4 bytes of length (little-endian), then the JSON. */
const record = (value) => {
  const json = new TextEncoder().encode(JSON.stringify(value));
  return [...new Uint8Array(new Uint32Array([json.length]).buffer), ...json];
};

const INFO_AT = 1024;
const ANSWER_AT = 8192;

/** The info record of the hand-built modules: ABI 1 and the crate's default suffix range. */
export const INFO = { ok: true, abiVersion: 1, defaultSuffixMin: 1000, defaultSuffixMax: 9999, rules: [] };

/**
 * A module of the rules ABI, as bytes. `alloc` is what `hr_alloc` returns (0: out of memory);
 * `info` the record `hr_info` returns; `answer` what every query does: `'trap'`, `0` (a null
 * pointer) or a value whose JSON record every query returns.
 */
export function rulesModule({ alloc = 4096, info = INFO, answer = 'trap' } = {}) {
  const I32 = 0x7f;
  const types = [
    [0x60, ...vec([I32]), ...vec([I32])], // 0: (i32) -> i32
    [0x60, ...vec([I32]), ...vec([])], // 1: (i32) -> ()
    [0x60, ...vec([]), ...vec([I32])], // 2: () -> i32
    [0x60, ...vec([I32, I32]), ...vec([I32])], // 3
    [0x60, ...vec([I32, I32, I32, I32]), ...vec([I32])], // 4
    [0x60, ...vec([I32, I32, I32]), ...vec([I32])], // 5
  ];
  const query = answer === 'trap' ? [0x00] : i32(answer === 0 ? 0 : ANSWER_AT);
  const funcs = [
    ['hr_alloc', 0, i32(alloc)],
    ['hr_free_result', 1, []],
    ['hr_info', 2, i32(INFO_AT)],
    ['hr_validate', 3, query],
    ['hr_canonical', 3, query],
    ['hr_parse_display', 3, query],
    ['hr_candidates', 4, query],
    ['hr_suffix_options', 4, query],
    ['hr_msa_id', 5, query],
    ['hr_format_display', 5, query],
  ];
  const data = [[0x00, ...i32(INFO_AT), 0x0b, ...bytesOf(record(info))]];
  // Before the answer, bytes that are not zero: a loader reading the length from anywhere but its
  // 4 bytes would get another length.
  if (answer !== 'trap' && answer !== 0) data.push([0x00, ...i32(ANSWER_AT - 4), 0x0b, ...bytesOf([0xff, 0xff, 0xff, 0xff, ...record(answer)])]);
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(3, vec(funcs.map(([, t]) => uleb(t)))),
    ...section(5, vec([[0x00, 0x02]])), // one memory, min 2 pages (128 KiB)
    ...section(7, vec([[...name('memory'), 0x02, 0x00], ...funcs.map(([n], i) => [...name(n), 0x00, ...uleb(i)])])),
    // Each body: its size, no locals, the instructions, `end`.
    ...section(10, vec(funcs.map(([, , code]) => bytesOf([0x00, ...code, 0x0b])))),
    // The records: memory 0, offset `i32.const at; end`, the bytes.
    ...section(11, vec(data)),
  ]);
}
