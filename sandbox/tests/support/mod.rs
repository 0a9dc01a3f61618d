//! Test harness: runs the real binary on port 0 and talks plain HTTP/1.1 to
//! it over `TcpStream` (no client dependency).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

pub const KEY: &str = "Bearer sk_test_sandbox";
pub const READONLY: &str = "Bearer sk_test_readonly";
/// Seed customer with address, shipping and an EU VAT id.
pub const FULL_ID: &str = "6650a1b2c3d4e5f601234567";
/// Seed customer with only an email.
pub const MINIMAL_ID: &str = "6650a1b2c3d4e5f601234568";
/// Seed customer carrying an undocumented `metadata` field.
pub const METADATA_ID: &str = "6650a1b2c3d4e5f601234569";

/// A running sandbox process, killed on drop.
pub struct Sandbox {
    child: Child,
    _stdout: BufReader<ChildStdout>,
    /// `host:port`
    pub addr: String,
}

impl Sandbox {
    pub fn start(extra_args: &[&str]) -> Sandbox {
        let mut child = Command::new(env!("CARGO_BIN_EXE_checkoutpage-sandbox"))
            .args(["--port", "0"])
            .args(extra_args)
            .env_remove("SANDBOX_PORT")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn sandbox");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read listening line");
        let addr = line
            .trim()
            .strip_prefix("sandbox listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        Sandbox {
            child,
            _stdout: stdout,
            addr,
        }
    }

    /// Sends raw request bytes and returns everything read until EOF.
    pub fn raw(&self, request: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut stream = TcpStream::connect(&self.addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(15)))?;
        stream.write_all(request)?;
        let mut out = Vec::new();
        stream.read_to_end(&mut out)?;
        Ok(out)
    }

    /// Sends one request (`Connection: close`) and parses the response.
    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Resp {
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if let Some(body) = body {
            req.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        req.push_str("\r\n");
        req.push_str(body.unwrap_or(""));
        let raw = self.raw(req.as_bytes()).expect("request failed");
        Resp::parse(&raw)
    }

    pub fn get(&self, path: &str, auth: Option<&str>) -> Resp {
        let headers: Vec<_> = auth.map(|a| ("Authorization", a)).into_iter().collect();
        self.send("GET", path, &headers, None)
    }

    pub fn patch(&self, path: &str, auth: Option<&str>, body: &str) -> Resp {
        let headers: Vec<_> = auth.map(|a| ("Authorization", a)).into_iter().collect();
        self.send("PATCH", path, &headers, Some(body))
    }

    pub fn post(&self, path: &str, body: &str) -> Resp {
        self.send("POST", path, &[], Some(body))
    }

    /// Queues faults for a customer via the control API.
    pub fn faults(&self, customer_id: &str, faults: Value) {
        let body = serde_json::json!({ "customerId": customer_id, "faults": faults });
        let r = self.post("/__sandbox/faults", &body.to_string());
        assert_eq!(r.status, 200, "{}", r.body);
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn parse(raw: &[u8]) -> Resp {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| {
                panic!("no header terminator in {:?}", String::from_utf8_lossy(raw))
            });
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        if chunked {
            body = dechunk(&body);
        }
        Resp {
            status,
            headers,
            body: String::from_utf8(body).expect("utf-8 body"),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("invalid JSON ({e}): {}", self.body))
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..line_end]).unwrap().trim(), 16)
                .unwrap();
        data = &data[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}
