//! A benchmark's scratch database: created fresh on the server, migrated and seeded, dropped at
//! the end. Shared by the benches through `#[path]` modules.

use anyhow::Context;
use sea_orm::ConnectionTrait;

/// A database of the bench's own.
pub struct ScratchDatabase {
    pub name: String,
    pub server_url: String,
    pub url: String,
}

impl ScratchDatabase {
    /// Creates `<prefix>_<pid>` on the server at `server_url` (no database name), migrated and
    /// seeded with `demo_password` for the demo users.
    pub async fn create(server_url: &str, prefix: &str, demo_password: &str) -> anyhow::Result<Self> {
        let name = format!("{prefix}_{}", std::process::id());
        let admin = synapse::db::connect(&format!("{server_url}/postgres")).await?;
        // A crashed earlier run with the same pid may have left it behind.
        admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await?;
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.context("creating the bench database")?;
        admin.close().await?;
        let url = format!("{server_url}/{name}");
        let db = synapse::db::connect(&url).await?;
        synapse::db::migrate_up(&db).await?;
        synapse::seed::run(&db, demo_password).await.context("seeding the bench database")?;
        db.close().await?;
        Ok(Self { name, server_url: server_url.to_owned(), url })
    }

    /// Drops the database, forcing out any connection left; a failure is only reported.
    pub async fn drop_now(&self) {
        let dropped = async {
            let admin = synapse::db::connect(&format!("{}/postgres", self.server_url)).await?;
            admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)).await?;
            admin.close().await?;
            anyhow::Ok(())
        };
        if let Err(err) = dropped.await {
            eprintln!("could not drop {}: {err:#}", self.name);
        }
    }
}
