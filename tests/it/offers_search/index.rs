//! The index follows the change log and survives a restart.

use super::*;

backend_test!(
    change_log_keeps_the_index_current,
    |app: TestApp| async move {
        let ids_by_fixture = fixtures(&app).await;
        let id = ids_by_fixture[2];
        let offer = store::offer(app.db().pool(), OfferId(id))
            .await
            .unwrap()
            .unwrap();

        // A second server process on the same database, with its own index.
        let other_dir = tempfile::tempdir().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut config: Config = app.app.config.clone();
        config.listen = addr;
        config.base_url = Some(format!("http://{addr}/").parse().unwrap());
        config.data_dir = other_dir.path().to_path_buf();
        let db = ikon::cli::open(&config).await.unwrap();
        let other = ikon::app::build(config, db);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(ikon::app::server::run(other.clone(), listener, async {
            let _ = stopped.await;
        }));
        let other_base = format!("http://{addr}");
        let client = reqwest::Client::new();
        let search_other = |q: &'static str| {
            let (client, base) = (client.clone(), other_base.clone());
            async move {
                let body: Value = client
                    .get(format!("{base}/api/v1/offers"))
                    .query(&[("q", q)])
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                ids(&body)
            }
        };
        assert!(search_other("Sonnenschein").await.contains(&id));

        // Edit the title: both processes find the new one.
        let mut record = offer.record.clone();
        record.title = "Kinderhaus Regenbogen".into();
        let mut tx = app.db().begin().await.unwrap();
        service::update(&mut tx, Actor::System("test"), &offer, &record)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        eventually("this process sees the new title", async || {
            ids(&search(&app, &[("q", "Regenbogen")]).await.1).contains(&id)
        })
        .await;
        eventually("the other process sees the new title", async || {
            search_other("Regenbogen").await.contains(&id)
        })
        .await;
        // The index follows the log in the background too, without searches.
        let mut tx = app.db().begin().await.unwrap();
        let newer = store::offer(&mut *tx, OfferId(id)).await.unwrap().unwrap();
        record.title = "Kinderhaus Sternschnuppe".into();
        service::update(&mut tx, Actor::System("test"), &newer, &record)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        tokio::time::sleep(Duration::from_millis(2500)).await;
        let params = ikon::offers::search::Params {
            words: vec!["sternschnuppe".into()],
            page: 1,
            per_page: 10,
            ..Default::default()
        };
        let outcome = ikon::offers::search::Search::of(&other)
            .search(&params)
            .unwrap();
        assert_eq!(outcome.total, 1, "followed in the background");

        // Unpublish: gone everywhere.
        let offer = store::offer(app.db().pool(), OfferId(id))
            .await
            .unwrap()
            .unwrap();
        let mut tx = app.db().begin().await.unwrap();
        service::set_status(&mut tx, Actor::System("test"), &offer, Status::Draft)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        eventually("unpublished offer gone here", async || {
            !ids(&search(&app, &[("q", "Sternschnuppe")]).await.1).contains(&id)
        })
        .await;
        eventually("unpublished offer gone there", async || {
            !search_other("Sternschnuppe").await.contains(&id)
        })
        .await;

        // A new offer created in this process appears in the other.
        let mut tx = app.db().begin().await.unwrap();
        let mut fresh = record.clone();
        fresh.title = "Elterncafé Wunderkiste".into();
        let new_id = service::create(
            &mut tx,
            Actor::System("test"),
            offer.network_id,
            offer.organization_id,
            &fresh,
        )
        .await
        .unwrap();
        let created = store::offer(&mut *tx, new_id).await.unwrap().unwrap();
        service::set_status(&mut tx, Actor::System("test"), &created, Status::Published)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        eventually("the other process sees the new offer", async || {
            search_other("Wunderkiste").await.contains(&new_id.get())
        })
        .await;

        let _ = stop.send(());
        let _ = tokio::time::timeout(Duration::from_secs(5), server).await;
    }
);

backend_test!(index_survives_a_restart, |app: TestApp| async move {
    let ids_by_fixture = fixtures(&app).await;
    // An index directory of its own (the running server holds its own
    // directory's lock): built, closed, changed while closed, reopened.
    let dir = tempfile::tempdir().unwrap();
    let search = ikon::offers::search::Search::open(Some(dir.path()), Default::default()).unwrap();
    search.catch_up(app.db()).await.unwrap();
    assert_eq!(search.len(), FIXTURES.len() as u64);
    drop(search);
    // A change while "down".
    let offer = store::offer(app.db().pool(), OfferId(ids_by_fixture[9]))
        .await
        .unwrap()
        .unwrap();
    let mut tx = app.db().begin().await.unwrap();
    service::set_status(&mut tx, Actor::System("test"), &offer, Status::Archived)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let reopened =
        ikon::offers::search::Search::open(Some(dir.path()), Default::default()).unwrap();
    assert_eq!(reopened.len(), FIXTURES.len() as u64, "kept on disk");
    reopened.catch_up(app.db()).await.unwrap();
    assert_eq!(reopened.len(), FIXTURES.len() as u64 - 1, "caught up");
    drop(reopened);

    // A change the closed index never saw, then pruned from the log: the
    // index notices it is behind and rebuilds.
    let offer = store::offer(app.db().pool(), OfferId(ids_by_fixture[8]))
        .await
        .unwrap()
        .unwrap();
    let mut tx = app.db().begin().await.unwrap();
    service::set_status(&mut tx, Actor::System("test"), &offer, Status::Archived)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let pruned = ikon::offers::search::changes::prune(app.db(), -60)
        .await
        .unwrap();
    assert!(pruned > 0);
    let again = ikon::offers::search::Search::open(Some(dir.path()), Default::default()).unwrap();
    again.catch_up(app.db()).await.unwrap();
    assert_eq!(again.len(), FIXTURES.len() as u64 - 2, "rebuilt");
});
