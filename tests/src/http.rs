//! A tiny HTTP server on 127.0.0.1 for import-by-URL flows: serves fixed pages by path, and
//! remembers every request (the hostile-content flow counts what the window asked for).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// A server answering `GET <path>` with the page registered for it (404 otherwise).
pub struct Server {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Request {
    /// The request target (path and query).
    pub path: String,
    /// The `User-Agent` header ("" when absent).
    pub user_agent: String,
}

impl Server {
    /// Starts serving `pages` (`(path, content type, body)`) on a free port, in a thread that
    /// lives as long as the test process.
    pub fn start(pages: Vec<(&'static str, &'static str, String)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut reader = BufReader::new(&stream);
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    continue;
                }
                // Read the headers, keeping the user agent.
                let mut user_agent = String::new();
                let mut line = String::new();
                while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
                    if let Some((name, value)) = line.split_once(':') {
                        if name.eq_ignore_ascii_case("user-agent") {
                            user_agent = value.trim().to_string();
                        }
                    }
                    line.clear();
                }
                let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
                seen.lock().unwrap().push(Request { path: path.clone(), user_agent });
                let response = match pages.iter().find(|(p, _, _)| *p == path) {
                    Some((_, mime, body)) => format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    ),
                    None => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
                };
                let mut stream = stream;
                let _ = stream.write_all(response.as_bytes());
            }
        });
        Server { base, requests }
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}
