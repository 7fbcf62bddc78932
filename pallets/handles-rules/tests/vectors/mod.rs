//! The test vectors of the rules crate, in one list. `tests/canonical_tests.rs` checks the
//! look-alike groups, `src/pinned_tests.rs` pins the canonical forms of every handle in them (a
//! digest), and `tests/readme_vectors.rs` checks that the crate README's "Test vectors" tables show
//! exactly these inputs with the code's answers (the JavaScript package tests its WebAssembly build
//! against those tables). Add a vector here, then print the README tables with
//! `cargo test -p handles-rules --test readme_vectors -- --ignored --nocapture`.

// Each test uses part of the list.
#![allow(dead_code)]

/// Handles that must or must not share a canonical form: the handles of one set have one
/// canonical form, and no two sets of a group share one.
pub type Group = &'static [&'static [&'static str]];

/// The spellings of `alice` that the specification merges: case, `I` and `1` for `l`, a Cyrillic
/// `а`, diacritics.
pub const ALICE: Group = &[&[
	"alice",
	"Alice",
	"ALICE",
	"AIice",
	"a1ice",
	"\u{0430}lice",
	"alicë",
	"ÀLİCE",
	"ALİCE",
	"aIice",
	"a|ice",
	"ÀLICE",
]];

/// Look-alikes the specification merges: confusables (`m` = `rn`, `0` = `o`, `1` = `l` = `I`),
/// Cyrillic and Greek letters, case (`ß` = `SS`), and capitals that meet their Latin look-alikes.
pub const SPEC_MERGES: Group = &[
	&["m", "rn"],
	&["modern", "rnodern", "MODERN"],
	&["0", "o"],
	&["1", "l", "I"],
	&["h0ll0w", "HOLLOW"],
	&["paypal", "p\u{0430}yp\u{0430}l"],
	&["ΑΒΓ", "αβγ"],
	&["straße", "STRASSE"],
	&["ΚΟΤ", "KOT"],
	&["bob", "BOB", "ВОВ", "вов"],
	&["Ωμέγα", "ΩΜΕΓΑ", "ωμεγα"],
	&["Дмитрий", "ДМИТРИЙ"],
];

/// Words one letter apart stay apart (`i`/`l` is the only pair of ASCII letters that merges).
pub const DISTINCT_LETTERS: Group = &[
	&["pay"],
	&["par"],
	&["bob"],
	&["dob"],
	&["cat"],
	&["cot"],
	&["yuri"],
	&["ruri"],
	&["nick"],
	&["rick"],
	&["tom"],
	&["torn1"],
	&["v"],
	&["y"],
	&["r"],
];

/// Diacritics of Latin, Greek and Cyrillic fold.
pub const FOLDING_DIACRITICS: Group = &[
	&["alicë", "alice"],
	&["crème", "creme"],
	&["crème_brûlée"],
	&["jean-luc"],
	&["Łódź", "lodz"],
	&["ἀλφα", "αλφα"],
	&["йод", "иод"],
	&["ёж", "еж"],
];

/// Marks of other scripts spell words: Devanagari vowel signs, kana voicing marks.
pub const MARKS_KEPT: Group =
	&[&["कि"], &["क"], &["की"], &["कम"], &["कमल"], &["か"], &["が"], &["は"], &["ぱ"]];

/// Words that differ by a mark, or by a letter drawn as another letter plus a mark, stay apart.
pub const APART_BY_A_MARK: Group = &[
	&["パン"], // bread / half: handakuten
	&["ハン"],
	&["ポスト"], // post / host
	&["ホスト"],
	&["ぱん"],
	&["はん"],
	&["बंद"], // closed / bad: anusvara
	&["बद"],
	&["रंग"], // colour / vein
	&["रग"],
	&["ज़रा"], // a little / old age: nukta
	&["जरा"],
	&["पाँच"], // five: candrabindu
	&["पाच"],
	&["भारत"], // aspirated letters are not their plain partners
	&["बारत"],
	&["கல்"], // stone: pulli
	&["கல"],
	&["தமிழ்"],
	&["தமிழ"],
	&["ทํา", "ทำ"], // do / apply: nikhahit, typed alone or in sara am
	&["ทา"],
	&["ຄຳ"], // Lao sara am / sara aa
	&["ຄາ"],
	&["ដំរី"], // Khmer nikahit
	&["ដរី"],
	&["ދިވެހި"], // Thaana fili
	&["ދވހ"],
	&["ބަ"],
	&["ބ"],
	&["ཨཾ"], // Tibetan anusvara
	&["ཨ"],
	&["မြန်မာ"], // Myanmar asat
	&["မြနမာ"],
	&["သံ"], // Myanmar anusvara
	&["သ"],
	&["آ"], // Arabic madda
	&["ا"],
	&["آب"],
	&["اب"],
	&["ऱ"], // Devanagari nukta in a precomposed letter
	&["र"],
	&["ॲ"], // Marathi candra a
	&["अ"],
	&["ۆ"], // Kurdish o / w
	&["و"],
	&["భ"], // Telugu bha / ba
	&["బ"],
	&["ఠ"],
	&["ర"],
];

/// Optional vocalisation marks fold like Latin diacritics: Arabic harakat, Hebrew points.
pub const VOCALISATION_FOLDS: Group = &[
	&["مُحَمَّد", "محمد"],
	&["مَ", "مِ"],
	&["דָּנִי", "דני"],
	&["שָׁלוֹם", "שלום"],
	&["ייִדיש", "יידיש"],
	&["ܫܠܵܡܵܐ", "ܫܠܡܐ"],
];

/// The Thai and Lao sara am and nikhahit + sara aa look identical and are one handle.
pub const SARA_AM: Group = &[
	&["ทำ", "ท\u{0E4D}\u{0E32}"],
	&["น้ำ", "น\u{0E49}\u{0E4D}\u{0E32}"],
	&["ຄຳ", "ຄ\u{0ECD}\u{0EB2}"],
];

/// Capitals drawn alike are one handle: `Ð` and `Đ` are both `D` with a stroke.
pub const IDENTICAL_CAPITALS: Group = &[&["ÐỨC", "ĐỨC", "ðuc", "duc"], &["Ð", "Đ", "ð", "đ"]];

/// Signs that look like a colon are themselves: the word, and the sign its canonical form holds.
pub const LIKE_PUNCTUATION: &[(&str, char)] = &[("दुःख", 'ः'), ("અતઃ", 'ઃ')];

/// The words of [`LIKE_PUNCTUATION`] are not each other, and `ґ`, which UTS #39 draws as `r'`,
/// is not `г`.
pub const LIKE_PUNCTUATION_APART: Group =
	&[&["ґанок", "Ґанок"], &["ганок"], &["दुःख"], &["दुख"], &["અતઃ"], &["अतः"]];

/// The apostrophe family is one letter, and the letters UTS #39 draws as it (Hebrew yod and
/// geresh) are that letter too (version 3).
pub const APOSTROPHES: Group = &[
	&["o'brien", "o’brien", "oʼbrien", "O'Brien", "Oꞌbrien"],
	&["obrien"],
	&["Oʻzbekiston", "o'zbekiston", "O’zbekiston"],
	&["ʻohana", "'ohana"],
	&["D’Angelo", "d'angelo"],
	&["יוסי", "'וס'", "׳וס׳"],
];

/// Letters of one script that UTS #39 draws alike are one letter (version 3); a different
/// letter stays apart.
pub const ONE_SCRIPT_LOOKALIKES: Group =
	&[&["דני", "דנ׳", "דנ'"], &["مدرسة", "مدرسۃ"], &["مدرسه"], &["شێر", "شݖر"], &["شير"]];

/// The Arabic-Indic and Persian zero are digits beside an Arabic letter, and look alike.
pub const ARABIC_DIGITS: Group = &[&["علي٢٠٠٠"], &["سال۱۴۰۰"], &["علي٠", "علي۰"]];

/// Scripts that CLDR's exemplars bring in (version 3), and letters the profile left out; a
/// Cherokee word that looks Latin is the Latin word.
pub const CLDR_SCRIPTS: Group = &[
	&["ⵜⴰⵎⴰⵣⵉⵖⵜ"],
	&["ᱥᱟᱱᱛᱟᱲᱤ"],
	&["ᐃᓄᒃᑎᑐᑦ"],
	&["ܣܘܪܝܝܐ"],
	&["𞤀𞤣𞤤𞤢𞤥"],
	&["𑄌𑄋𑄴𑄟𑄳𑄦"],
	&["ꕙꔤ"],
	&["ⲙⲉⲧⲣⲉⲙ"],
	&["सोऽहम्"],
	&["wear", "WEAR", "ꮃꭼꭺꭱ"],
];

/// Texts with forbidden characters or their images (`@ # : .`, the backticks, middle dots): their
/// canonical forms hold U+FFFD instead.
pub const FORBIDDEN: Group = &[
	&["a@b", "a．b", "a＠b", "a`b", "aˋb", "a｀b"],
	&[":#"],
	&["a.b.c"],
	&["ali@ce", "ali＠ce"],
	&["alice·4821"],
];

/// A union of all case and confusable pairs would join `y` and `r` (through `Γ`, `γ`, `Г`, `г`);
/// the canonical form merges each look-alike with its own partner only.
pub const NAIVE_CLOSURE: Group = &[&["γ", "y"], &["г", "r"]];

/// The default reserved handles and look-alikes of `admin`.
pub const RESERVED: Group = &[&["admin", "adm1n", "АDMIN"], &["everyone"], &["all"]];

/// Handles of many scripts, each its own handle.
pub const SCRIPTS: Group = &[
	&["东京"],
	&["東京"],
	&["ひらがな"],
	&["がっこう"],
	&["한국어"],
	&["꽦꽦"],
	&["नमस्ते"],
	&["কলকাতা"],
	&["ਪੰਜਾਬ"],
	&["ગુજરાત"],
	&["ଓଡ଼ିଆ"],
	&["తెలుగు"],
	&["ಕನ್ನಡ"],
	&["മലയാളം"],
	&["සිංහල"],
	&["ສະບາຍດີ"],
	&["བོད་ཡིག"],
	&["مرحبا"],
	&["ישראל"],
	&["ქართული"],
	&["Հայերեն"],
	&["ᏣᎳᎩ"],
	&["ꆈꌠ"],
	&["ߒߞߏ"],
	&["ǅemal"],
	&["ﬁnn"],
	&["x_1-2"],
];

/// Every group, in the order of the README's table of canonical forms.
pub const GROUPS: &[Group] = &[
	ALICE,
	SPEC_MERGES,
	DISTINCT_LETTERS,
	RESERVED,
	FOLDING_DIACRITICS,
	IDENTICAL_CAPITALS,
	MARKS_KEPT,
	APART_BY_A_MARK,
	SARA_AM,
	VOCALISATION_FOLDS,
	LIKE_PUNCTUATION_APART,
	APOSTROPHES,
	ONE_SCRIPT_LOOKALIKES,
	ARABIC_DIGITS,
	CLDR_SCRIPTS,
	FORBIDDEN,
	NAIVE_CLOSURE,
	SCRIPTS,
];

/// Every handle of [`GROUPS`] once, in order: the corpus whose canonical forms are pinned and
/// published.
pub fn corpus() -> impl Iterator<Item = &'static str> {
	let all = || GROUPS.iter().flat_map(|group| group.iter()).flat_map(|set| set.iter()).copied();
	all()
		.enumerate()
		.filter(move |(at, h)| all().position(|x| x == *h) == Some(*at))
		.map(|(_, h)| h)
}

/// Seeds of the suffix-candidate vectors: all zeros, and the bytes 0, 1, ..., 31.
pub fn seeds() -> [[u8; 32]; 2] {
	[[0; 32], core::array::from_fn(|i| i as u8)]
}

/// Canonical forms whose suffix candidates are published, under every seed and range.
pub const CANDIDATE_FORMS: [&str; 2] = ["allce", "bob"];

/// Suffix ranges of the candidate vectors: the default and the whole `u32` range.
pub const RANGES: [(u32, u32); 2] = [(1000, 9999), (0, u32::MAX)];

/// (canonical form, suffix) pairs whose MSA ids are published.
pub const MSA_IDS: &[(&str, u32)] = &[
	("allce", 1000),
	("allce", 4821),
	("allce", 9999),
	("bob", 0),
	("bob", u32::MAX),
	("東京", 1234),
];
