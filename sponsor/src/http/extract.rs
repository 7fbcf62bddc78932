//! What handlers read from a request: a JSON body and a required query parameter, each with the
//! `400`/`413` answer that says what is wrong with it.

use std::collections::HashMap;

use axum::{body::Bytes, extract::rejection::BytesRejection};
use serde::Deserialize;

use super::error::ApiError;

/// A JSON body of type `T`, or a `400`/`413` that says what is wrong with it.
pub fn body<T: for<'de> Deserialize<'de>>(
	bytes: Result<Bytes, BytesRejection>,
) -> Result<T, ApiError> {
	serde_json::from_slice(&bytes?)
		.map_err(|e| ApiError::BadRequest(format!("not a valid request body: {e}")))
}

/// The query parameter `name`, or a `400` that names it.
pub fn query<'a>(params: &'a HashMap<String, String>, name: &str) -> Result<&'a str, ApiError> {
	params
		.get(name)
		.map(String::as_str)
		.ok_or_else(|| ApiError::BadRequest(format!("the query parameter {name} is missing")))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_query_parameter_is_read_or_named_as_missing() {
		let params = HashMap::from([("base".to_string(), "Alice".to_string())]);
		assert_eq!(query(&params, "base").ok(), Some("Alice"));
		let Err(ApiError::BadRequest(message)) = query(&params, "owner") else {
			panic!("a missing parameter is a bad request")
		};
		assert_eq!(message, "the query parameter owner is missing");
	}
}
