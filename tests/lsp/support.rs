//! A minimal LSP client: spawns `copydesk lsp`, frames JSON-RPC over its stdio, answers the
//! server's own requests (configuration, progress tokens, registrations) and keeps notifications.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};

/// Guard against a hung server; not a timing assertion.
const PATIENCE: Duration = Duration::from_secs(60);

pub struct Server {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Messages from the server not consumed yet (notifications, server requests).
    pub inbox: Vec<Value>,
    pub init: Value,
}

fn write(stdin: &Mutex<ChildStdin>, msg: &Value) {
    write_all(stdin, std::slice::from_ref(msg));
}

/// Frames the messages into one buffer and writes it at once.
fn write_all(stdin: &Mutex<ChildStdin>, msgs: &[Value]) {
    let mut buf = Vec::new();
    for msg in msgs {
        let body = msg.to_string();
        write!(buf, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
    }
    let mut w = stdin.lock().unwrap();
    w.write_all(&buf).unwrap();
    w.flush().unwrap();
}

fn read(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Server {
    /// Starts the server and completes `initialize`/`initialized`. `settings` answers
    /// `workspace/configuration`.
    pub fn start(params: Value, settings: Value) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("copydesk lsp starts");
        let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = channel();
        let replies = stdin.clone();
        std::thread::spawn(move || {
            while let Some(msg) = read(&mut stdout) {
                if let (Some(id), Some(method)) =
                    (msg.get("id"), msg.get("method").and_then(Value::as_str))
                {
                    let result = match method {
                        "workspace/configuration" => json!([settings]),
                        _ => Value::Null,
                    };
                    write(
                        &replies,
                        &json!({"jsonrpc": "2.0", "id": id, "result": result}),
                    );
                }
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            stdin,
            rx,
            next_id: 0,
            inbox: Vec::new(),
            init: Value::Null,
        };
        server.init = server.request("initialize", params);
        server.notify("initialized", json!({}));
        server
    }

    /// A server for a client with default (UTF-16, push diagnostics) capabilities and no folder.
    pub fn plain() -> Server {
        Server::start(json!({"capabilities": {}}), Value::Null)
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        write(
            &self.stdin,
            &json!({"jsonrpc": "2.0", "method": method, "params": params}),
        );
    }

    fn recv(&mut self) -> Value {
        self.rx.recv_timeout(PATIENCE).expect("the server answers")
    }

    /// The whole response object (`result` or `error`).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        write(
            &self.stdin,
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        );
        self.response(id)
    }

    /// Sends a request and its `$/cancelRequest` in one write, so the server reads the cancel
    /// before it runs the request; returns the whole response.
    pub fn call_and_cancel(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        write_all(
            &self.stdin,
            &[
                json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
                json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": id}}),
            ],
        );
        self.response(id)
    }

    pub fn response(&mut self, id: i64) -> Value {
        loop {
            let msg = self.recv();
            if msg.get("id") == Some(&json!(id)) && msg.get("method").is_none() {
                return msg;
            }
            self.inbox.push(msg);
        }
    }

    /// The `result` of a request; panics on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let resp = self.call(method, params);
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    /// Waits for a notification (or server request) matching `method` and `pred`, consuming it.
    pub fn wait_for(&mut self, method: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self
            .inbox
            .iter()
            .position(|m| m["method"] == method && pred(&m["params"]))
        {
            return self.inbox.remove(i)["params"].clone();
        }
        loop {
            let msg = self.recv();
            if msg["method"] == method && pred(&msg["params"]) {
                return msg["params"].clone();
            }
            self.inbox.push(msg);
        }
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let p = self.wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri && p["version"] == version
        });
        p["diagnostics"].as_array().unwrap().clone()
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
        );
    }

    pub fn shutdown(mut self) -> ExitStatus {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }
}

impl Server {
    /// Waits for the server process to end by itself.
    pub fn wait_exit(&mut self) -> ExitStatus {
        self.child.wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
