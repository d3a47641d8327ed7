//! `ikon serve`: the HTTP server and the job worker in one process.

use std::{future::Future, net::SocketAddr};

use tokio::net::TcpListener;

use crate::{
    accounts,
    core::{config::Config, jobs, store::Db, web::App},
    demo,
};

pub async fn serve(config: Config, db: Db, with_demo: bool) -> anyhow::Result<()> {
    // A syntax error in the installation's own synonyms stops the start,
    // naming file, line and reason.
    crate::offers::search::synonyms::Synonyms::load(Some(&config.data_dir))
        .map_err(|e| anyhow::anyhow!("search synonyms: {e}"))?;
    if with_demo {
        let login = format!("{}{}", config.base(), crate::core::paths::login());
        demo::load_if_missing(&db, &login).await?;
    }
    accounts::setup::announce_if_needed(&db, &config).await?;
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.listen))?;
    tracing::info!(
        "ikon listens on {} ({} database), public address {}",
        config.listen,
        db.backend().name(),
        config.base()
    );
    let app = super::build(config, db);
    if with_demo {
        demo::write_letters(&app).await?;
    }
    run(app, listener, shutdown_signal()).await
}

/// Serves until `shutdown` completes, then drains requests and stops the
/// job worker. Tests call this with a listener on port 0.
pub async fn run(
    app: App,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let background = jobs::start(&app, &stop_rx).await?;
    let router = super::router(app.clone());
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    let _ = stop_tx.send(true);
    for task in background {
        let _ = task.await;
    }
    app.db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
