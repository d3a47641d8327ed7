//! Open data: the published offers for the JSON, GeoJSON and CSV exports,
//! and the licence they are published under.

use std::collections::HashMap;

use crate::core::{error::AppResult, ids::NetworkId, paths, ttl::Ttl, web::App};
use crate::network::store::list_networks;
use crate::offers::{
    model::{
        input::ExportQuery,
        views::{
            ATTRIBUTION, Feature, FeatureCollection, FeatureProperties, LICENCE, License,
            OpenOffer, Point,
        },
    },
    store,
};

/// The networks' names by id, each with its place in the list of
/// networks (the order attributions name them in), for open-data
/// attributions; a rename shows within seconds.
pub struct NetworkNames(pub Ttl<HashMap<NetworkId, (usize, String)>>);

impl Default for NetworkNames {
    fn default() -> Self {
        NetworkNames(Ttl::new(std::time::Duration::from_secs(5)))
    }
}

/// The licence for data from the given networks: the configured
/// attribution, or the networks' names and ikon.
pub async fn license(app: &App, network_ids: &[NetworkId]) -> AppResult<License> {
    let config = &app.config;
    let attribution = if config.open_data_attribution.trim().is_empty() {
        let all = app
            .part::<NetworkNames>()
            .0
            .get(|| async {
                let networks = list_networks(&app.db).await?;
                Ok::<_, sqlx::Error>(
                    networks
                        .into_iter()
                        .enumerate()
                        .map(|(place, n)| (NetworkId(n.id), (place, n.name)))
                        .collect(),
                )
            })
            .await?;
        // A page's few networks looked up, not every network scanned.
        let mut named: Vec<&(usize, String)> =
            network_ids.iter().filter_map(|id| all.get(id)).collect();
        named.sort_unstable_by_key(|(place, _)| *place);
        named.dedup_by_key(|(place, _)| *place);
        let names: Vec<&str> = named.iter().map(|(_, name)| name.as_str()).collect();
        if names.is_empty() {
            "ikon".to_string()
        } else {
            format!("{}, via ikon", names.join(", "))
        }
    } else {
        config.open_data_attribution.trim().to_string()
    };
    Ok(License {
        id: config.open_data_licence.clone(),
        url: config.open_data_licence_url.clone(),
        attribution,
    })
}

/// Published offers matching the filters, oldest first, as in the JSON list.
pub async fn filtered(app: &App, q: &ExportQuery) -> AppResult<Vec<OpenOffer>> {
    Ok(store::published(app.db.pool(), None)
        .await?
        .into_iter()
        .map(|(o, provider)| OpenOffer::of(o, provider))
        .filter(|o| q.keeps(o))
        .collect())
}

/// Every place of a published offer that has coordinates, as a point
/// with what a map shows about it and a link to its offer's page: one
/// feature per place, so an offer held in three towns is three points.
pub async fn geojson(app: &App) -> AppResult<FeatureCollection> {
    let published = store::published(app.db.pool(), None).await?;
    let networks: Vec<NetworkId> = published.iter().map(|(o, _)| o.network_id).collect();
    let license = license(app, &networks).await?;
    let mut features = Vec::new();
    for (o, provider) in published {
        let url = paths::offer(o.network_id, o.id);
        let r = &o.record;
        for (n, p) in r.places.iter().enumerate() {
            let Some((lat, lon)) = p.position() else {
                continue;
            };
            features.push(Feature {
                kind: "Feature",
                id: format!("{}-{}", o.id, n + 1),
                geometry: Point {
                    kind: "Point",
                    coordinates: [lon, lat],
                },
                properties: FeatureProperties {
                    offer_id: o.id,
                    place: n + 1,
                    places: r.places.len(),
                    title: r.title.clone(),
                    provider: provider.clone(),
                    field: r.field.clone(),
                    offer_type: r.offer_type.clone(),
                    languages: r.languages.clone(),
                    street: p.street.clone(),
                    postal_code: p.postal_code.clone(),
                    room: p.room.clone(),
                    opening_hours: p.opening_hours.clone(),
                    wheelchair: p.wheelchair,
                    url: url.clone(),
                },
            });
        }
    }
    Ok(FeatureCollection {
        kind: "FeatureCollection",
        licence: LICENCE,
        attribution: ATTRIBUTION,
        license,
        features,
    })
}
