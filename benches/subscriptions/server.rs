//! The bench's side of the server: its own migrated and seeded database, one `synapse serve`
//! process started on a free port, and the few HTTP calls it makes to it.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use sea_orm::ConnectionTrait;
use serde_json::json;
use synapse::db::statement;

use super::scratch_db::ScratchDatabase;
use super::{DEMO_CYCLE, DEMO_PASSWORD, JWT_SECRET};

/// The bench's own database, migrated and seeded, and the demo cycle the events belong to.
pub struct BenchDatabase {
    scratch: ScratchDatabase,
    pub url: String,
    pub cycle_id: i64,
}

impl BenchDatabase {
    pub async fn create(server_url: &str) -> anyhow::Result<Self> {
        let scratch = ScratchDatabase::create(server_url, "synapse_bench_ws", DEMO_PASSWORD).await?;
        let db = synapse::db::connect(&scratch.url).await?;
        let row = db
            .query_one_raw(statement("SELECT id FROM test_cycle WHERE name = $1", [DEMO_CYCLE.into()]))
            .await?
            .ok_or_else(|| anyhow!("the seed made no cycle named {DEMO_CYCLE:?}"))?;
        let cycle_id: i64 = row.try_get_by_index(0)?;
        db.close().await?;
        Ok(Self { url: scratch.url.clone(), scratch, cycle_id })
    }

    /// Drops the database; a failure is only reported.
    pub async fn drop_now(&self) {
        self.scratch.drop_now().await;
    }
}

/// One `synapse serve` process, killed when dropped.
pub struct Server {
    child: std::process::Child,
    pub port: u16,
}

impl Server {
    pub fn start(database_url: &str) -> anyhow::Result<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_synapse"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("JWT_SECRET", JWT_SECRET)
            .env("TEMPORAL_WORKER_ENABLED", "false")
            .env("SYNAPSE_TESTING_FAULTS", "false")
            .env("FRONTEND_DIST", "/nonexistent")
            .env("RUST_LOG", "warn")
            .env("LOG_FORMAT", "text")
            .stdout(std::process::Stdio::null())
            .spawn()
            .context("starting the synapse binary")?;
        Ok(Self { child, port })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits until `/readyz` answers 200 (database up, listener listening).
    pub async fn wait_ready(&mut self, within: Duration) -> anyhow::Result<()> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("the server exited before it was ready: {status}");
            }
            if matches!(http(self.port, "GET", "/readyz", None).await, Ok((200, _))) {
                return Ok(());
            }
            if Instant::now() >= deadline {
                bail!("the server on port {} was not ready within {within:?}", self.port);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Signs in as `username` through the `login` mutation.
    pub async fn login(&self, username: &str) -> anyhow::Result<String> {
        let body = json!({
            "query": "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            "variables": { "u": username, "p": DEMO_PASSWORD },
        });
        let (_, text) = http(self.port, "POST", "/graphql", Some(&body.to_string())).await?;
        let answer: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("login: {text}"))?;
        answer["data"]["login"]["token"].as_str().map(str::to_owned).ok_or_else(|| anyhow!("login failed: {answer}"))
    }

    /// The server's metrics, by name.
    pub async fn metrics(&self) -> anyhow::Result<HashMap<String, f64>> {
        let (status, text) = http(self.port, "GET", "/metrics", None).await?;
        if status != 200 {
            bail!("/metrics answered {status}");
        }
        Ok(text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once(' '))
            .filter_map(|(name, value)| Some((name.to_owned(), value.trim().parse().ok()?)))
            .collect())
    }

    /// Waits until the server streams to `count` subscriptions.
    pub async fn wait_subscriptions(&self, count: usize, within: Duration) -> anyhow::Result<()> {
        let deadline = Instant::now() + within;
        loop {
            let active = self.metrics().await?.get("synapse_active_subscriptions").copied().unwrap_or(0.0);
            if active >= count as f64 {
                return Ok(());
            }
            if Instant::now() >= deadline {
                bail!("only {active} of {count} subscriptions became active within {within:?}");
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 exchange with a server on loopback: `(status, body)`.
async fn http(port: u16, method: &str, path: &str, body: Option<&str>) -> anyhow::Result<(u16, String)> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let body = body.unwrap_or("");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut response = String::new();
    tokio::time::timeout(Duration::from_secs(30), stream.read_to_string(&mut response)).await??;
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    Ok((status, body))
}

/// A figure of `/proc/<pid>/status` in KiB (`VmRSS`, `VmHWM`).
pub fn proc_status_kib(pid: u32, field: &str) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).context("reading /proc/<pid>/status")?;
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| anyhow!("no {field} in /proc/{pid}/status"))
}
