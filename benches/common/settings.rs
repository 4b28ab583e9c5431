//! How the benches read their settings: a command-line flag first, then an environment variable,
//! then a default; and which PostgreSQL server they make their scratch database on. Shared by
//! the benches through `#[path]` modules.

/// `--flag V` / `--flag=V`, else `$var`.
pub fn setting(args: &[String], flag: &str, var: &str) -> Option<String> {
    let from_args = args.iter().enumerate().find_map(|(i, arg)| {
        arg.strip_prefix(&format!("{flag}="))
            .map(str::to_owned)
            .or_else(|| (arg == flag).then(|| args.get(i + 1).cloned()).flatten())
    });
    from_args.or_else(|| std::env::var(var).ok())
}

/// The PostgreSQL server of `DATABASE_URL` (default the local one), without a database name, so
/// the usual `DATABASE_URL` of the app or the tests works too.
pub fn database_server() -> String {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned());
    let after_scheme = url.find("://").map_or(0, |p| p + 3);
    match url[after_scheme..].find('/') {
        Some(i) => url[..after_scheme + i].to_owned(),
        None => url,
    }
}
