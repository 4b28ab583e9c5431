//! `TestApp`: a fresh database cloned from a template, the app router over it, and helpers to
//! send GraphQL as a given demo user. The template is migrated and seeded once per test binary
//! build (its name carries a hash of the binary), under an advisory lock so parallel test
//! processes build it once.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use secrecy::SecretString;
use serde_json::{Value, json};
use synapse::auth::jwt::JwtKeys;
use synapse::config::Config;
use synapse::events::EventHub;
use synapse::http::{AppState, app};
use synapse::metrics::Metrics;
use synapse::temporal::Gateway;
use tokio::sync::OnceCell;
use tower::ServiceExt;

/// The JWT secret of every test app.
pub const TEST_SECRET: &str = "test-secret-of-sufficient-length";
/// The demo password the template is seeded with.
pub const DEMO_PASSWORD: &str = "synapse-demo";

/// The server's URL without a database name, from `DATABASE_URL` or the local default.
fn server_url() -> String {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    match url.rfind('/') {
        Some(i) if url[..i].contains("://") && i > url.find("://").map_or(0, |p| p + 2) => url[..i].to_owned(),
        _ => url,
    }
}

async fn admin_connection() -> DatabaseConnection {
    Database::connect(format!("{}/postgres", server_url())).await.expect("connect to the postgres database")
}

/// The template's name: one per build of the test binary, so a changed seed or migration
/// never meets a stale template.
fn template_name() -> String {
    let exe = std::env::current_exe().expect("test binary path");
    let meta = std::fs::metadata(&exe).expect("test binary metadata");
    let stamp = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
    format!("synapse_tpl_{:x}_{:x}", meta.len(), stamp.as_nanos())
}

static TEMPLATE: OnceCell<String> = OnceCell::const_new();

/// Runs SQL (fixtures, setup), failing the test with the statement when it fails.
pub async fn exec(db: &DatabaseConnection, sql: &str) {
    db.execute_unprepared(sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// The first column of the one row `sql` returns.
pub async fn first_value<T: sea_orm::TryGetable>(db: &impl ConnectionTrait, sql: &str) -> T {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap_or_else(|| panic!("{sql}: no row"));
    row.try_get_by_index::<T>(0).unwrap_or_else(|e| panic!("{sql}: {e:?}"))
}

async fn template() -> &'static str {
    TEMPLATE
        .get_or_init(|| async {
            let name = template_name();
            let admin = admin_connection().await;
            // Session-level lock: other test processes wait here while one builds the template.
            exec(&admin, "SELECT pg_advisory_lock(727274)").await;
            let exists = admin
                .query_one_raw(Statement::from_string(
                    admin.get_database_backend(),
                    format!("SELECT 1 FROM pg_database WHERE datname = '{name}'"),
                ))
                .await
                .expect("look up template")
                .is_some();
            if !exists {
                drop_stale_templates(&admin, &name).await;
                exec(&admin, &format!("CREATE DATABASE {name}_build")).await;
                let db = Database::connect(format!("{}/{name}_build", server_url())).await.expect("connect template");
                synapse::db::migrate_up(&db).await.expect("migrate template");
                synapse::seed::run(&db, DEMO_PASSWORD).await.expect("seed template");
                db.close().await.expect("close template");
                // Renamed only when complete, so a crashed build never leaves a half template.
                exec(&admin, &format!("ALTER DATABASE {name}_build RENAME TO {name}")).await;
            }
            exec(&admin, "SELECT pg_advisory_unlock(727274)").await;
            admin.close().await.expect("close admin");
            name
        })
        .await
}

async fn drop_stale_templates(admin: &DatabaseConnection, keep: &str) {
    let rows = admin
        .query_all_raw(Statement::from_string(
            admin.get_database_backend(),
            "SELECT datname FROM pg_database WHERE datname LIKE 'synapse_tpl_%' OR datname LIKE 'synapse_test_%'",
        ))
        .await
        .expect("list old databases");
    for row in rows {
        let name: String = row.try_get("", "datname").expect("datname");
        let stale_test = name.starts_with("synapse_test_") && !name.contains(&keep["synapse_tpl_".len()..]);
        if name.starts_with("synapse_tpl_") || stale_test {
            let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
        }
    }
}

/// A database of its own, freshly cloned from the template. It outlives the test: dropping a
/// database makes PostgreSQL force a checkpoint (every dirty buffer written and synced), and in a
/// parallel run those checkpoints, one per test, stalled the other tests' commits for seconds
/// (PostgreSQL's log showed syncs of up to 3.4 s). `run_all_tests.sh` drops the run's databases
/// at the end, and a template rebuild drops those of earlier builds.
pub struct TestDb {
    pub name: String,
    pub url: String,
}

impl TestDb {
    /// A new database holding the migrated, seeded template's contents.
    pub async fn new() -> Self {
        let template = template().await;
        let name = format!("synapse_test_{}_{}", &template["synapse_tpl_".len()..], unique_suffix());
        let admin = admin_connection().await;
        exec(&admin, &format!("CREATE DATABASE {name} TEMPLATE {template}")).await;
        admin.close().await.expect("close admin");
        let url = format!("{}/{name}", server_url());
        Self { name, url }
    }

    /// A new, empty database (no migrations).
    pub async fn empty() -> Self {
        // Named after this build like the cloned ones, so a template rebuild by a concurrent test
        // process of this build does not take it for a leftover and drop it.
        let build = template_name();
        let name = format!("synapse_test_empty_{}_{}", &build["synapse_tpl_".len()..], unique_suffix());
        let admin = admin_connection().await;
        exec(&admin, &format!("CREATE DATABASE {name}")).await;
        admin.close().await.expect("close admin");
        let url = format!("{}/{name}", server_url());
        Self { name, url }
    }
}

fn unique_suffix() -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().subsec_nanos();
    format!("{}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed), nanos)
}

/// The app over a fresh database, with a counter of the SQL statements it runs.
pub struct TestApp {
    pub db: DatabaseConnection,
    pub router: Router,
    pub config: Config,
    pub hub: Arc<EventHub>,
    statements: Arc<AtomicUsize>,
    _database: TestDb,
}

impl TestApp {
    /// A new app on a new database.
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// A new app on a new database, with `adjust` applied to its configuration.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> Self {
        let database = TestDb::new().await;
        let mut db = synapse::db::connect(&database.url).await.expect("connect test database");
        let statements = Arc::new(AtomicUsize::new(0));
        let counter = statements.clone();
        db.set_metric_callback(move |info| {
            if std::env::var("SHOW_SQL").is_ok() {
                eprintln!("SQL: {}", info.statement.sql.chars().take(150).collect::<String>());
            }
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let keys = JwtKeys::new(&SecretString::from(TEST_SECRET.to_owned()), Duration::from_secs(3600));
        let mut config = test_config(&database.url, &database.name);
        adjust(&mut config);
        let gateway = Arc::new(Gateway::new(&config));
        // The listener gets a pool of its own, so its probes never count as the app's statements.
        let listener_db = synapse::db::connect(&database.url).await.expect("connect listener pool");
        let hub = EventHub::new(listener_db, Arc::new(Metrics::default()));
        hub.start(database.url.clone());
        let schema = synapse::graphql::schema(db.clone(), keys.clone(), config.clone(), gateway.clone(), hub.clone());
        let state =
            AppState { db: db.clone(), schema, keys, gateway, hub: hub.clone(), config: Arc::new(config.clone()) };
        let router = app(state, None);
        Self { db, router, config, hub, statements, _database: database }
    }

    /// SQL statements run so far through the app's pool.
    pub fn statement_count(&self) -> usize {
        self.statements.load(Ordering::SeqCst)
    }

    /// Sends a raw request and returns the status and JSON body.
    pub async fn request(&self, request: Request<Body>) -> (StatusCode, Value) {
        let response = self.router.clone().oneshot(request).await.expect("router answers");
        let status = response.status();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        let body =
            serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
        (status, body)
    }

    /// POSTs `body` to /graphql with an optional `Authorization` header value.
    pub async fn post_graphql(&self, authorization: Option<&str>, body: String) -> (StatusCode, Value) {
        let mut request = Request::post("/graphql").header(header::CONTENT_TYPE, "application/json");
        if let Some(value) = authorization {
            request = request.header(header::AUTHORIZATION, value);
        }
        self.request(request.body(Body::from(body)).expect("request")).await
    }

    /// Runs a GraphQL operation with no token.
    pub async fn gql_anonymous(&self, query: &str, variables: Value) -> Value {
        let body = json!({ "query": query, "variables": variables }).to_string();
        self.post_graphql(None, body).await.1
    }

    /// Runs a GraphQL operation with `token`.
    pub async fn gql(&self, token: &str, query: &str, variables: Value) -> Value {
        let body = json!({ "query": query, "variables": variables }).to_string();
        self.post_graphql(Some(&format!("Bearer {token}")), body).await.1
    }

    /// Signs in as a demo user through the `login` mutation and returns the token.
    pub async fn login(&self, username: &str) -> String {
        let body = self
            .gql_anonymous(
                "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
                json!({ "u": username, "p": DEMO_PASSWORD }),
            )
            .await;
        body["data"]["login"]["token"].as_str().unwrap_or_else(|| panic!("login {username}: {body}")).to_owned()
    }

    /// The id of the demo user `username`.
    pub async fn user_id(&self, username: &str) -> i64 {
        self.scalar(&format!("SELECT id FROM app_user WHERE username = '{username}'")).await
    }

    /// The single integer a SQL query returns.
    pub async fn scalar(&self, sql: &str) -> i64 {
        first_value(&self.db, sql).await
    }

    /// The text column of every row `sql` returns.
    pub async fn db_strings(&self, sql: &str) -> Vec<String> {
        let rows = self
            .db
            .query_all_raw(Statement::from_string(self.db.get_database_backend(), sql.to_owned()))
            .await
            .expect("query");
        rows.iter().map(|row| row.try_get_by_index::<String>(0).expect("text")).collect()
    }

    /// Runs SQL (fixtures).
    pub async fn exec(&self, sql: &str) {
        exec(&self.db, sql).await;
    }
}

fn test_config(database_url: &str, database_name: &str) -> Config {
    use clap::Parser;
    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        config: Config,
    }
    let mut config = Wrapper::parse_from(["test"]).config;
    config.database_url = database_url.to_owned();
    // Tests share one Temporal namespace: each test database gets its own queue and workflow ids.
    config.temporal_task_queue = format!("queue-{database_name}");
    config.temporal_workflow_id_prefix = format!("{database_name}-");
    config.testing_faults = true;
    config.temporal_activity_timeout = 30;
    config
}

/// The `extensions.code` of the first error of a response.
pub fn error_code(body: &Value) -> Option<&str> {
    body["errors"][0]["extensions"]["code"].as_str()
}

impl TestApp {
    /// Starts a Temporal worker for this app's queue on a thread of its own (the worker's future
    /// is not `Send`); it lives as long as the test process.
    pub fn start_worker(&self) {
        let db_url = self.config.database_url.clone();
        let worker_config = worker::runner::WorkerConfig { faults_enabled: true, ..self.config.worker_config() };
        std::thread::spawn(move || {
            let runtime =
                tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
            runtime.block_on(async move {
                let db = synapse::db::connect_worker(&db_url).await.expect("worker database");
                if let Err(err) = worker::runner::run_worker(db, worker_config).await {
                    eprintln!("worker stopped: {err:#}");
                }
            });
        });
    }

    /// A Temporal client of the app's namespace.
    pub async fn gateway_client(&self) -> temporalio_client::Client {
        let target = worker::runner::TemporalTarget {
            host: self.config.temporal_host.clone(),
            namespace: self.config.temporal_namespace.clone(),
        };
        worker::runner::connect(&target).await.expect("connect to Temporal")
    }

    /// Waits until `sql` returns a non-zero integer, checking every 200 ms, for at most `seconds`.
    pub async fn wait_until(&self, sql: &str, seconds: u64) {
        let deadline = std::time::Instant::now() + Duration::from_secs(seconds);
        loop {
            if self.scalar(sql).await != 0 {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "timed out after {seconds}s waiting for: {sql}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// A child process killed when dropped.
pub struct ChildProcess(pub std::process::Child);

impl Drop for ChildProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl TestApp {
    /// Runs `synapse <args>` as a separate process on this app's database, queue and id prefix.
    pub fn spawn_binary(&self, args: &[&str], extra_env: &[(&str, String)]) -> ChildProcess {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_synapse"));
        command
            .args(args)
            .env("DATABASE_URL", &self.config.database_url)
            .env("JWT_SECRET", TEST_SECRET)
            .env("TEMPORAL_HOST", &self.config.temporal_host)
            .env("TEMPORAL_TASK_QUEUE", &self.config.temporal_task_queue)
            .env("TEMPORAL_WORKFLOW_ID_PREFIX", &self.config.temporal_workflow_id_prefix)
            .env("TEMPORAL_ACTIVITY_TIMEOUT", self.config.temporal_activity_timeout.to_string())
            .env("SYNAPSE_TESTING_FAULTS", "true")
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::null());
        for (key, value) in extra_env {
            command.env(key, value);
        }
        ChildProcess(command.spawn().expect("start the synapse binary"))
    }
}

/// A free TCP port on loopback.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// A minimal HTTP/1.1 exchange with a server on loopback: `(status, body)`.
pub async fn http(port: u16, method: &str, path: &str, token: Option<&str>, body: Option<&str>) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.expect("connect");
    let body = body.unwrap_or("");
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n{auth}Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

/// Waits until a server on `port` answers `/readyz` with 200, for at most `seconds`.
pub async fn wait_ready(port: u16, seconds: u64) {
    let deadline = std::time::Instant::now() + Duration::from_secs(seconds);
    loop {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok()
            && http(port, "GET", "/readyz", None, None).await.0 == 200
        {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "the server on port {port} did not become ready");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

impl TestApp {
    /// Serves the app on a free loopback port in this process; returns the port.
    pub async fn serve(&self) -> u16 {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let router = self.router.clone();
        tokio::spawn(async move { axum::serve(listener, router).await });
        port
    }

    /// The demo cycle, trimmed to the one report numbered `report_number` (a short run).
    pub async fn demo_cycle_with_only(&self, report_number: &str) -> i64 {
        let cycle = self.scalar("SELECT min(id) FROM test_cycle").await;
        self.exec(&format!(
            "DELETE FROM cycle_report WHERE cycle_id = {cycle}
               AND report_id <> (SELECT id FROM report WHERE report_number = '{report_number}')"
        ))
        .await;
        cycle
    }

    /// Waits until `count` subscriptions are active on this app's event hub.
    pub async fn wait_subscribed(&self, count: i64) {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            let active = self.hub.metrics().active_subscriptions.load(Ordering::SeqCst);
            if active >= count {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{count} subscriptions did not start: {active} active, listener {:?} after {} reconnects",
                self.hub.state(),
                self.hub.metrics().listener_reconnects.load(Ordering::SeqCst)
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until the event listener is listening.
    pub async fn wait_listening(&self) {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while self.hub.state() != synapse::events::ListenerState::Listening {
            assert!(std::time::Instant::now() < deadline, "the event listener did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
