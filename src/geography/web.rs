//! HTML pages: find a place by name or postal code, and browse
//! Land → Regierungsbezirk → Kreis → Gemeinde. Plain links and a GET form,
//! so everything works without JavaScript.

use axum::{
    extract::{Path, Query, State},
    response::Html,
};
use minijinja::{Value, context};
use serde::{Deserialize, Serialize};

use super::{
    api::MAX_QUERY_CHARS,
    format,
    key::AgsKey,
    model::{Level, RegionItem},
    store,
};
use crate::{
    accounts::viewer::Viewer,
    core::{
        error::{AppError, AppResult},
        i18n::Lang,
        web::{App, forms::is_postal_code},
    },
};

#[derive(Debug, Default, Deserialize)]
pub struct SearchForm {
    /// A name, or five digits for a postal code.
    #[serde(default)]
    pub q: String,
}

/// Template functions that write numbers in the viewer's language.
fn number_helpers(lang: Lang) -> Value {
    context! {
        number => Value::from_function(move |n: i64| format::integer(lang, n)),
        decimal => Value::from_function(move |x: f64, places: Option<usize>| {
            format::decimal(lang, x, places.unwrap_or(2))
        }),
    }
}

pub async fn search(
    State(app): State<App>,
    viewer: Viewer,
    Query(form): Query<SearchForm>,
) -> AppResult<Html<String>> {
    let q: String = form.q.trim().chars().take(MAX_QUERY_CHARS).collect();
    let by_postal_code = is_postal_code(&q);
    let results = if q.is_empty() {
        Vec::new()
    } else if by_postal_code {
        store::by_postal_code(&app.db, &q).await?
    } else {
        store::search(&app.db, &q, store::SEARCH_LIMIT).await?
    };
    // Digits that are not a postal code deserve a hint, not just "nothing".
    let digits_hint = !q.is_empty() && !by_postal_code && q.bytes().all(|b| b.is_ascii_digit());
    let states = store::by_level(&app.db, Level::State).await?;
    app.page(
        &viewer,
        "geography/search.html",
        context! {
            q => q,
            searched => !q.is_empty(),
            by_postal_code => by_postal_code,
            digits_hint => digits_hint,
            results => results,
            states => states,
            fmt => number_helpers(viewer.lang),
        },
    )
}

/// Children of one level, under one heading.
#[derive(Serialize)]
struct ChildGroup<'a> {
    /// Fluent id of the heading, e.g. `geo-children-municipality`.
    heading: String,
    /// HTML id of the heading, for `aria-labelledby`.
    anchor: &'static str,
    items: Vec<&'a RegionItem>,
}

fn group_children(children: &[RegionItem]) -> Vec<ChildGroup<'_>> {
    Level::ALL
        .into_iter()
        .filter_map(|level| {
            let items: Vec<&RegionItem> = children.iter().filter(|c| c.level == level).collect();
            (!items.is_empty()).then(|| ChildGroup {
                heading: format!("geo-children-{}", level.code().replace('_', "-")),
                anchor: level.code(),
                items,
            })
        })
        .collect()
}

#[derive(Serialize)]
struct NetworkLink {
    id: i64,
    name: String,
}

pub async fn region(
    State(app): State<App>,
    viewer: Viewer,
    Path(key): Path<String>,
) -> AppResult<Html<String>> {
    let key = AgsKey::parse(&key)?;
    let region = store::region(&app.db, &key)
        .await?
        .ok_or_else(AppError::not_found)?;
    let network = if region.level == Level::District {
        store::network_of(&app.db, &region.key)
            .await?
            .map(|(id, name)| NetworkLink { id, name })
    } else {
        None
    };
    let density = (region.area_km2 > 0.0).then(|| region.population as f64 / region.area_km2);
    app.page(
        &viewer,
        "geography/region.html",
        context! {
            groups => group_children(&region.children),
            kind_id => format!("geo-kind-{}", region.kind.code().replace('_', "-")),
            level_id => format!("geo-level-{}", region.level.code().replace('_', "-")),
            is_district => region.level == Level::District,
            density => density,
            network => network,
            region => region,
            fmt => number_helpers(viewer.lang),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geography::model::Kind;

    fn item(key: &str, level: Level) -> RegionItem {
        RegionItem {
            key: key.into(),
            name: key.into(),
            level,
            kind: Kind::Municipality,
            population: 0,
        }
    }

    #[test]
    fn children_are_grouped_by_level_in_level_order() {
        let children = [
            item("07000999", Level::Municipality),
            item("071", Level::DistrictGovernment),
            item("072", Level::DistrictGovernment),
        ];
        let groups = group_children(&children);
        let headings: Vec<&str> = groups.iter().map(|g| g.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "geo-children-district-government",
                "geo-children-municipality"
            ]
        );
        assert_eq!(groups[0].items.len(), 2);
    }

    #[test]
    fn every_kind_and_level_has_a_label_in_both_languages() {
        let mut ids: Vec<String> = Kind::ALL
            .iter()
            .map(|k| format!("geo-kind-{}", k.code().replace('_', "-")))
            .collect();
        for level in Level::ALL {
            let code = level.code().replace('_', "-");
            ids.push(format!("geo-level-{code}"));
            ids.push(format!("geo-children-{code}"));
        }
        for lang in Lang::ALL {
            for id in &ids {
                assert!(lang.has(id), "{id} missing in {}", lang.code());
            }
        }
    }
}
