//! Layout of a packed per-character value of the generated table, written once: `build.rs`
//! includes this file (as it includes `fold_rules.rs`) to pack, and the crate reads with it.
//!
//! ```text
//! bit  0       IDENTITY   the character is its own fold
//! bit  1       FORBIDDEN  the fold holds an image of a forbidden character (rule 2), or the
//!                         character is an Arabic-Indic zero (forbidden unless beside an Arabic letter)
//! bit  2       REORDER    the fold holds a mark of non-zero combining class
//! bits 3..=7   length of the fold in bytes (0 for the identity)
//! bit  8       ALLOWED    rule 3 allows the character
//! bits 9..=15  script-set id (index into SCRIPT_SETS)
//! bit  16      MARK       the character is a combining mark (General_Category M)
//! bits 17..=31 offset of the fold in POOL
//! ```

/// The character is its own fold.
pub(crate) const IDENTITY: u32 = 1;
/// The fold holds an image of a forbidden character.
pub(crate) const FORBIDDEN: u32 = 1 << 1;
/// The fold holds a combining mark with a non-zero combining class.
pub(crate) const REORDER: u32 = 1 << 2;
/// Position of the fold's length in bytes.
pub(crate) const LEN_SHIFT: u32 = 3;
/// Mask of the fold's length (after shifting).
pub(crate) const LEN_MASK: u32 = 0x1F;
/// Rule 3 allows the character.
pub(crate) const ALLOWED: u32 = 1 << 8;
/// Position of the script-set id.
pub(crate) const SCRIPT_SHIFT: u32 = 9;
/// Mask of the script-set id (after shifting).
pub(crate) const SCRIPT_MASK: u32 = 0x7F;
/// The character is a combining mark.
pub(crate) const MARK: u32 = 1 << 16;
/// Position of the fold's offset in the pool.
pub(crate) const OFFSET_SHIFT: u32 = 17;
/// Largest pool the offset field can address, in bytes.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const MAX_POOL_BYTES: usize = 1 << (32 - OFFSET_SHIFT);

/// A set of scripts: one bit per script of the universe, then Hanb, Jpan and Kore. 128 bits,
/// since version 3 brings in the limited-use scripts CLDR's exemplars are written in.
pub(crate) type ScriptMask = u128;
/// Bit of UTS #39 Hanb in a script-set mask (the bits below it are one per script).
pub(crate) const HANB: ScriptMask = 1 << 125;
/// Bit of UTS #39 Jpan in a script-set mask.
pub(crate) const JPAN: ScriptMask = 1 << 126;
/// Bit of UTS #39 Kore in a script-set mask.
pub(crate) const KORE: ScriptMask = 1 << 127;
/// Most scripts a script-set mask can name one by one.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const MAX_SCRIPTS: usize = 125;
