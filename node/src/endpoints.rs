//! Where to reach the node's JSON-RPC server: once it listens, the node logs its HTTP and
//! WebSocket URLs and a polkadot.js Apps link to it.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use sc_network::multiaddr::{Multiaddr, Protocol};

/// Logs where to reach the JSON-RPC server, once it listens: its first address (loopback for an
/// unspecified one, as with `--rpc-external`) and a polkadot.js Apps link to it.
pub fn log_rpc_endpoint(listen_addresses: &[Multiaddr]) {
	let Some((http, ws, apps)) = listen_addresses.iter().find_map(rpc_socket_addr).map(rpc_links)
	else {
		return;
	};
	log::info!("🔌 JSON-RPC: {http} and {ws}");
	log::info!("🌐 polkadot.js Apps: {apps}");
}

/// The socket address of an `/ip4|ip6/<ip>/tcp/<port>` multiaddress.
fn rpc_socket_addr(addr: &Multiaddr) -> Option<SocketAddr> {
	let mut protocols = addr.iter();
	let ip: IpAddr = match protocols.next()? {
		Protocol::Ip4(ip) => ip.into(),
		Protocol::Ip6(ip) => ip.into(),
		_ => return None,
	};
	match protocols.next()? {
		Protocol::Tcp(port) => Some(SocketAddr::new(ip, port)),
		_ => None,
	}
}

/// `(HTTP URL, WebSocket URL, polkadot.js Apps link)` of a JSON-RPC server listening on `addr`.
fn rpc_links(mut addr: SocketAddr) -> (String, String, String) {
	if addr.ip().is_unspecified() {
		addr.set_ip(match addr {
			SocketAddr::V4(_) => Ipv4Addr::LOCALHOST.into(),
			SocketAddr::V6(_) => Ipv6Addr::LOCALHOST.into(),
		});
	}
	let ws = format!("ws://{addr}");
	let mut encoded = String::new();
	for c in ws.chars() {
		match c {
			':' | '/' | '[' | ']' => encoded.push_str(&format!("%{:02X}", c as u32)),
			c => encoded.push(c),
		}
	}
	let apps = format!("https://polkadot.js.org/apps/?rpc={encoded}#/explorer");
	(format!("http://{addr}"), ws, apps)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rpc_links_name_the_listen_address() {
		let addr: Multiaddr = "/ip4/127.0.0.1/tcp/9944".parse().unwrap();
		let (http, ws, apps) = rpc_links(rpc_socket_addr(&addr).unwrap());
		assert_eq!(http, "http://127.0.0.1:9944");
		assert_eq!(ws, "ws://127.0.0.1:9944");
		assert_eq!(apps, "https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944#/explorer");

		let any: Multiaddr = "/ip4/0.0.0.0/tcp/9945".parse().unwrap();
		assert_eq!(rpc_links(rpc_socket_addr(&any).unwrap()).1, "ws://127.0.0.1:9945");
		let v6: Multiaddr = "/ip6/::1/tcp/9944".parse().unwrap();
		let (_, ws, apps) = rpc_links(rpc_socket_addr(&v6).unwrap());
		assert_eq!(ws, "ws://[::1]:9944");
		assert!(apps.contains("?rpc=ws%3A%2F%2F%5B%3A%3A1%5D%3A9944#"));
		assert_eq!(rpc_socket_addr(&"/dns/localhost/tcp/1".parse().unwrap()), None);
	}
}
