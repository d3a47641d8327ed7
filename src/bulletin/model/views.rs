//! What the JSON API and the feeds show of a post.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{Audience, Details, Kind, Post, Status, rfc3339};
use crate::core::ids::{NetworkId, PostId};

/// One post as the JSON API shows it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PostView {
    #[schema(value_type = i64)]
    pub id: PostId,
    #[schema(value_type = i64)]
    pub network_id: NetworkId,
    /// regulation, funding_call, event, good_practice or news.
    #[serde(rename = "type")]
    pub kind: Kind,
    /// `public`: everybody may read it; `network`: only the network.
    pub audience: Audience,
    pub status: Status,
    pub pinned: bool,
    pub title: String,
    /// Markdown.
    pub body: String,
    /// Fields of integration and target groups.
    pub tags: Vec<String>,
    /// Event start, RFC 3339 in German local time.
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    /// A funding call's deadline, YYYY-MM-DD.
    pub deadline: Option<String>,
    /// The day after which the post is archived, YYYY-MM-DD.
    pub expires_on: Option<String>,
    /// The fields of the post's type.
    pub details: Details,
    pub published_at: Option<String>,
    pub updated_at: String,
    /// The post's page.
    pub url: String,
}

impl PostView {
    /// `base` is the site's address without the trailing slash.
    pub fn of(post: &Post, base: &str) -> Self {
        let r = &post.record;
        PostView {
            id: post.id,
            network_id: post.network_id,
            kind: r.kind,
            audience: r.audience,
            status: post.status,
            pinned: post.pinned,
            title: r.title.clone(),
            body: r.body.clone(),
            tags: r.tags.clone(),
            starts_at: r.starts_at.map(rfc3339),
            ends_at: r.ends_at.map(rfc3339),
            deadline: r.deadline_on.clone(),
            expires_on: r.expires_on.clone(),
            details: r.details.clone(),
            published_at: post.published_at.map(rfc3339),
            updated_at: rfc3339(post.updated_at),
            url: format!(
                "{base}{}",
                crate::core::paths::post(post.network_id, post.id)
            ),
        }
    }
}

/// A page of posts.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostPage {
    /// Posts matching the filters (all pages).
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub posts: Vec<PostView>,
}

/// The filters of the bulletin page, the API and the feeds (all
/// optional).
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct Feed {
    /// Type: regulation, funding_call, event, good_practice, news.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub kind: Option<String>,
    /// A field of integration or target group (the offers' codes, e.g.
    /// `work`, `language`, `refugees`).
    pub tag: Option<String>,
    /// Only funding calls whose deadline is within this many days (0–366).
    pub deadline_within: Option<String>,
    /// Full text (German words are found in any inflection).
    pub q: Option<String>,
    /// Page number, from 1.
    pub page: Option<String>,
}
