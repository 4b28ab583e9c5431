//! The command line of the one `synapse` binary.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::Config;

/// Synapse DT: regulatory report testing as a durable workflow.
#[derive(Debug, Parser)]
#[command(name = "synapse", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the GraphQL API, GraphiQL and the frontend (and the worker with TEMPORAL_WORKER_ENABLED).
    Serve,
    /// Run the Temporal worker alone.
    Worker,
    /// Apply or revert schema migrations.
    Migrate {
        #[command(subcommand)]
        action: MigrateAction,
    },
    /// Load the demo data (idempotent).
    Seed {
        /// Password of every demo user.
        #[arg(long, env = "SYNAPSE_DEMO_PASSWORD", default_value = "synapse-demo", hide_env_values = true)]
        demo_password: String,
    },
    /// Write the GraphQL schema (SDL) to a file, or to stdout with `-`.
    ExportSchema {
        #[arg(default_value = "schema.graphql")]
        out: PathBuf,
    },
}

/// Migration actions.
#[derive(Debug, Subcommand)]
pub enum MigrateAction {
    /// Apply every pending migration.
    Up,
    /// Revert the newest migrations.
    Down {
        /// How many to revert.
        #[arg(long, default_value_t = 1)]
        steps: u32,
    },
    /// List migrations and whether each is applied.
    Status,
}

/// Runs the command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
    match cli.command {
        Command::Serve => crate::server::serve(config).await,
        Command::Worker => crate::server::worker(config).await,
        Command::Migrate { action } => {
            if matches!(action, MigrateAction::Up) {
                crate::db::ensure_database(&config.database_url).await?;
            }
            let db = crate::db::connect(&config.database_url).await?;
            match action {
                MigrateAction::Up => crate::db::migrate_up(&db).await,
                MigrateAction::Down { steps } => crate::db::migrate_down(&db, steps).await,
                MigrateAction::Status => {
                    for (name, applied) in crate::db::migration_status(&db).await? {
                        println!("{} {name}", if applied { "applied" } else { "pending" });
                    }
                    Ok(())
                }
            }
        }
        Command::Seed { demo_password } => {
            let db = crate::db::connect(&config.database_url).await?;
            let summary = crate::seed::run(&db, &demo_password).await?;
            tracing::info!(?summary, "demo data in place");
            Ok(())
        }
        Command::ExportSchema { out } => {
            let sdl = crate::graphql::sdl();
            if out.as_os_str() == "-" {
                print!("{sdl}");
            } else {
                std::fs::write(&out, sdl)?;
            }
            Ok(())
        }
    }
}
