//! The `synapse` binary: parse the command line, load `.env`, start logging, dispatch.

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // A missing .env is normal outside development.
    let _ = dotenvy::dotenv();
    synapse::telemetry::init();
    let cli = synapse::cli::Cli::parse();
    synapse::cli::run(cli).await
}
