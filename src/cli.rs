//! The command line: `ikon serve | migrate | demo | user | backup | restore | import | export`.

use std::{path::PathBuf, process::ExitCode};

use clap::{Args, Parser, Subcommand};

use crate::{
    accounts::cli::UserCommand,
    app::{self, server},
    core::{
        backup,
        config::{Config, Overrides},
        store::Db,
    },
    demo, geography,
    network::cli::{ExportCommand, ImportCommand},
};

#[derive(Parser)]
#[command(
    name = "ikon",
    version,
    about = "The platform for a county's integration network"
)]
struct Cli {
    /// TOML configuration file (also IKON_CONFIG).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Database URL: sqlite://file or postgres://… (overrides IKON_DATABASE_URL).
    #[arg(long, global = true)]
    database_url: Option<String>,
    /// Folder for the SQLite file, mail and backups (overrides IKON_DATA_DIR).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (migrates and loads the geography first).
    Serve(ServeArgs),
    /// Apply database migrations and load the official geography, then exit.
    Migrate,
    /// Load the demo network into the configured database and print its logins.
    Demo,
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Write a backup folder while ikon runs: a consistent copy of the
    /// SQLite database and every attached file.
    Backup {
        /// Target folder (default: <data-dir>/backups/ikon-<timestamp>).
        folder: Option<PathBuf>,
    },
    /// Put a backup folder back into the data folder (stop ikon first).
    Restore {
        /// A folder written by `ikon backup`.
        folder: PathBuf,
        /// Overwrite an existing database.
        #[arg(long)]
        replace: bool,
    },
    /// Import organisations or people from CSV (all rows or none).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export organisations or people as CSV.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Official statistics: import GENESIS tables.
    #[command(subcommand)]
    Statistics(crate::monitoring::cli::StatisticsCommand),
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on (overrides IKON_LISTEN).
    #[arg(long)]
    listen: Option<std::net::SocketAddr>,
    /// Public base URL (overrides IKON_BASE_URL).
    #[arg(long)]
    base_url: Option<String>,
    /// Load the demo network first if the database has none.
    #[arg(long)]
    demo: bool,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ikon: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut overrides = Overrides {
        database_url: cli.database_url,
        data_dir: cli.data_dir,
        ..Overrides::default()
    };
    if let Command::Serve(args) = &cli.command {
        overrides.listen = args.listen;
        overrides.base_url = args.base_url.clone();
    }
    let config = Config::load(cli.config, &overrides)?;
    init_tracing(&config.log);
    // Restoring replaces the database file: it must not be open.
    if let Command::Restore { folder, replace } = &cli.command {
        let done = backup::restore(&config, folder, *replace)?;
        println!(
            "restored {} and {} files from {}",
            if done.database {
                "the database"
            } else {
                "no database"
            },
            done.files,
            folder.display()
        );
        return Ok(());
    }
    let db = open(&config).await?;
    if matches!(cli.command, Command::Serve(_) | Command::Migrate) {
        crate::monitoring::service::shipped::ensure_loaded(&db).await?;
    }
    match cli.command {
        Command::Serve(args) => server::serve(config, db, args.demo).await,
        Command::Migrate => {
            println!("database is up to date ({})", db.backend().name());
            Ok(())
        }
        Command::Demo => {
            let login = format!("{}{}", config.base(), crate::core::paths::login());
            demo::load_and_print(&db, &login).await?;
            demo::write_letters(&app::build(config, db))
                .await
                .map(|_| ())
        }
        Command::User(cmd) => cmd.run(&app::build(config, db)).await,
        Command::Backup { folder } => {
            let folder = folder.unwrap_or_else(|| {
                let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
                config
                    .data_dir
                    .join("backups")
                    .join(format!("ikon-{stamp}"))
            });
            let done = backup::backup(&config, &db, &folder).await?;
            println!(
                "backup written to {} ({}{} files)",
                folder.display(),
                if done.database { "database and " } else { "" },
                done.files
            );
            if !done.database {
                println!("the PostgreSQL database itself is saved with pg_dump (see README)");
            }
            Ok(())
        }
        Command::Restore { .. } => unreachable!("handled before the database opens"),
        Command::Import(cmd) => cmd.run(&app::build(config, db)).await,
        Command::Export(cmd) => cmd.run(&db).await,
        Command::Statistics(cmd) => cmd.run(&db).await,
    }
}

/// Connects, migrates and makes sure the official geography is loaded.
pub async fn open(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(config.database_url.expose()).await?;
    db.migrate().await?;
    geography::load::ensure_loaded(&db).await?;
    Ok(db)
}

fn init_tracing(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
