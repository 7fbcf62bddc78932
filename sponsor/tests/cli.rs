//! The `handles-sponsor` binary through its command line: where the paying key comes from and
//! how each refusal reads, and a service that starts, listens and says it is not ready while no
//! node answers.

use std::{
	io::{Read, Write},
	net::{TcpListener, TcpStream},
	path::PathBuf,
	process::{Child, Command, Output, Stdio},
	thread,
	time::{Duration, Instant},
};

/// Dave's secret URI and SS58 address.
const DAVE: &str = "//Dave";
const DAVE_SS58: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
/// A secret that is not a development key (the well-known dev phrase, which the sponsor cannot
/// tell from any other mnemonic).
const MNEMONIC: &str = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
const WARNING: &str = "handles-sponsor: warning: --key puts the secret where every user of this \
                       machine can read it (ps); use --key-file or HANDLES_SPONSOR_KEY\n";

/// The sponsor binary, without the key variable of the environment the tests run in.
fn sponsor() -> Command {
	let mut command = Command::new(env!("CARGO_BIN_EXE_handles-sponsor"));
	command.env_remove("HANDLES_SPONSOR_KEY");
	command
}

/// A database path in a folder that does not exist: the sponsor stops there (exit 1), after it
/// has read its key and before it listens.
fn unopenable_db() -> PathBuf {
	std::env::temp_dir().join("handles-sponsor-cli-no-such-folder").join("claims.sqlite")
}

fn run(command: &mut Command) -> (Option<i32>, String) {
	let Output { status, stderr, .. } = command.output().expect("the sponsor binary runs");
	(status.code(), String::from_utf8(stderr).unwrap())
}

/// A file under the system's temporary folder, named for this process and `name`.
fn temp_file(name: &str, text: &str) -> PathBuf {
	let path =
		std::env::temp_dir().join(format!("handles-sponsor-cli-{}-{name}", std::process::id()));
	std::fs::write(&path, text).unwrap();
	path
}

#[test]
fn without_a_paying_key_it_exits_2_and_names_the_three_sources() {
	let (code, stderr) = run(sponsor().arg("--db").arg(unopenable_db()));
	assert_eq!(code, Some(2));
	assert_eq!(
		stderr,
		"handles-sponsor: no paying key: give --key-file, HANDLES_SPONSOR_KEY or --key\n"
	);
}

#[test]
fn the_key_file_comes_first_then_the_environment_then_the_command_line() {
	let missing = std::env::temp_dir().join("handles-sponsor-cli-no-such-key");
	// A missing --key-file is refused though the other two hold good keys.
	let (code, stderr) = run(sponsor()
		.arg("--key-file")
		.arg(&missing)
		.env("HANDLES_SPONSOR_KEY", DAVE)
		.args(["--key", DAVE]));
	assert_eq!(code, Some(2));
	assert!(
		stderr.starts_with(&format!("handles-sponsor: --key-file {}: ", missing.display())),
		"{stderr}"
	);
	// A bad key in the environment is refused though --key is good.
	let (code, stderr) =
		run(sponsor().env("HANDLES_SPONSOR_KEY", "not a key").args(["--key", DAVE]));
	assert_eq!(code, Some(2));
	assert!(stderr.starts_with("handles-sponsor: HANDLES_SPONSOR_KEY: "), "{stderr}");
	// A bad --key names --key.
	let (code, stderr) = run(sponsor().args(["--key", "0x1234"]));
	assert_eq!(code, Some(2));
	assert!(stderr.starts_with(&WARNING.to_string()), "{stderr}");
	assert!(stderr[WARNING.len()..].starts_with("handles-sponsor: --key: "), "{stderr}");
	// A good key file is read and trimmed: the sponsor goes on to its database.
	let file = temp_file("key", &format!("  {MNEMONIC}\n"));
	let (code, stderr) =
		run(sponsor().arg("--key-file").arg(&file).arg("--db").arg(unopenable_db()));
	std::fs::remove_file(file).unwrap();
	assert_eq!(code, Some(1), "{stderr}");
	assert!(stderr.starts_with(&format!("handles-sponsor: {}: ", unopenable_db().display())));
}

#[test]
fn only_a_secret_on_the_command_line_that_is_not_a_dev_key_is_warned_about() {
	let db = unopenable_db();
	let (code, stderr) = run(sponsor().args(["--key", MNEMONIC]).arg("--db").arg(&db));
	assert_eq!(code, Some(1));
	assert!(stderr.starts_with(WARNING), "{stderr}");
	let (mut dev_key, mut from_the_environment) = (sponsor(), sponsor());
	dev_key.args(["--key", DAVE]);
	from_the_environment.env("HANDLES_SPONSOR_KEY", MNEMONIC);
	for mut quiet in [dev_key, from_the_environment] {
		let (code, stderr) = run(quiet.arg("--db").arg(&db));
		assert_eq!(code, Some(1));
		assert!(stderr.starts_with(&format!("handles-sponsor: {}: ", db.display())), "{stderr}");
	}
}

/// A port nothing listens on (bound, then let go).
fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The status line and body of `GET path`, or `None` while nothing listens.
fn get(port: u16, path: &str) -> Option<(String, String)> {
	let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
	stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
	write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
	let mut response = String::new();
	stream.read_to_string(&mut response).ok()?;
	let (head, body) = response.split_once("\r\n\r\n")?;
	Some((head.lines().next()?.to_string(), body.to_string()))
}

/// Kills the child when the test ends, passed or not.
struct Running(Child);

impl Drop for Running {
	fn drop(&mut self) {
		let _ = self.0.kill();
		let _ = self.0.wait();
	}
}

#[test]
fn without_a_node_it_listens_and_says_it_cannot_pay_yet() {
	let (port, node_port) = (free_port(), free_port());
	let db = temp_file("serving.sqlite", "");
	std::fs::remove_file(&db).unwrap();
	let mut child = Running(
		sponsor()
			.args(["--key", DAVE, "--listen", &format!("127.0.0.1:{port}")])
			.args(["--url", &format!("ws://127.0.0.1:{node_port}")])
			.arg("--db")
			.arg(&db)
			.stdout(Stdio::piped())
			.stderr(Stdio::piped())
			.spawn()
			.unwrap(),
	);
	let started = Instant::now();
	let health = loop {
		if let Some(answer) = get(port, "/healthz") {
			break answer;
		}
		assert!(started.elapsed() < Duration::from_secs(60), "the sponsor never listened");
		assert!(child.0.try_wait().unwrap().is_none(), "the sponsor exited");
		thread::sleep(Duration::from_millis(100));
	};
	assert_eq!(health.0, "HTTP/1.1 503 Service Unavailable");
	assert!(health.1.contains("\"NotReady\""), "{}", health.1);
	assert!(health.1.contains("the node does not answer"), "{}", health.1);
	let page = get(port, "/").unwrap();
	assert_eq!(page.0, "HTTP/1.1 200 OK");
	assert!(page.1.starts_with("<!doctype html>"), "{}", &page.1[..page.1.len().min(80)]);
	// Still serving, and it created its database.
	assert!(child.0.try_wait().unwrap().is_none());
	assert!(db.exists());
	child.0.kill().unwrap();
	let mut stdout = String::new();
	child.0.stdout.take().unwrap().read_to_string(&mut stdout).unwrap();
	let mut stderr = String::new();
	child.0.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
	drop(child);
	std::fs::remove_file(&db).unwrap();
	assert!(
		stdout.starts_with(&format!(
			"handles-sponsor: paying with {DAVE_SS58} on ws://127.0.0.1:{node_port}; claim page on \
			 http://127.0.0.1:{port}; claims in {}\n",
			db.display()
		)),
		"{stdout}"
	);
	assert!(stderr.contains("retrying in the background"), "{stderr}");
}

#[test]
fn a_taken_port_stops_it_with_exit_1() {
	let taken = TcpListener::bind("127.0.0.1:0").unwrap();
	let address = taken.local_addr().unwrap().to_string();
	let db = temp_file("taken.sqlite", "");
	std::fs::remove_file(&db).unwrap();
	let (code, stderr) =
		run(sponsor().args(["--key", DAVE, "--listen", &address]).arg("--db").arg(&db));
	let _ = std::fs::remove_file(&db);
	assert_eq!(code, Some(1));
	assert!(
		stderr.starts_with(&format!("handles-sponsor: cannot listen on {address}: ")),
		"{stderr}"
	);
}
