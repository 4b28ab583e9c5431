//! The `synapse` binary: parse the command line, load `.env`, start logging, dispatch.

use clap::Parser;

/// mimalloc hands memory freed after a burst (thousands of subscribers connecting at once) back
/// to the system, where the system allocator keeps it; an idle websocket then costs less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // A missing .env is normal outside development.
    let _ = dotenvy::dotenv();
    synapse::telemetry::init();
    let cli = synapse::cli::Cli::parse();
    synapse::cli::run(cli).await
}
