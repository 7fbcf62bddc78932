//! SS58 addresses of 32-byte accounts.

use alloc::{string::String, vec::Vec};

/// The largest address format SS58 has (14 bits).
pub const MAX_SS58_PREFIX: u16 = 0x3fff;

/// The SS58 address of `account` in the address format `prefix`: base58 of the prefix (one byte
/// below 64, two bytes from 64 to [`MAX_SS58_PREFIX`]), the account and the first two bytes of
/// `blake2b_512(b"SS58PRE" ++ prefix bytes ++ account)`. A prefix above [`MAX_SS58_PREFIX`], which
/// no address format has, gives the account as `0x` and 64 hex digits instead.
pub fn ss58(account: &[u8; 32], prefix: u16) -> String {
	let mut data: Vec<u8> = Vec::with_capacity(2 + 32 + 2);
	match prefix {
		0..=63 => data.push(prefix as u8),
		64..=MAX_SS58_PREFIX => {
			// The 01 marker and bits 2..8 of the prefix, then its bits 0..2 and 8..14.
			data.push(0b0100_0000 | ((prefix & 0b1111_1100) >> 2) as u8);
			data.push(((prefix >> 8) as u8) | (((prefix & 0b11) as u8) << 6));
		}
		_ => {
			let mut out = String::from("0x");
			crate::push_hex(&mut out, account);
			return out;
		}
	}
	data.extend_from_slice(account);
	let checksum = sp_crypto_hashing::blake2_512(&[b"SS58PRE", &data[..]].concat());
	data.extend(checksum.iter().take(2));
	bs58::encode(data).into_string()
}
