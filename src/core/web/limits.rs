//! The request body limit: `max_body_bytes` for every route, except the
//! file upload routes, which accept `max_upload_bytes` plus room for the
//! form around the file (so that the handler can answer an oversized file
//! with its own message).

use std::convert::Infallible;

use axum::{
    BoxError,
    body::{Body, Bytes, HttpBody},
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use tower::{Layer, ServiceExt};
use tower_http::limit::RequestBodyLimitLayer;

use crate::core::web::App;

/// Multipart boundaries and the small fields next to the file.
pub const FORM_SLACK_BYTES: usize = 64 * 1024;

/// Routes that take file uploads: an agenda item's attachments,
/// `/networks/{network_id}/meetings/{meeting_id}/agenda/{item_id}/attachments`,
/// the answer to a concern,
/// `/networks/{network_id}/concerns/{concern_id}/answer-document`, and a
/// bulletin post's files, `/networks/{network_id}/posts/{post_id}/files`,
/// and a statistics table for the import preview, `/statistics/import`.
pub fn is_upload(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    let number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    matches!(
        segments.as_slice(),
        ["", "networks", n, "meetings", m, "agenda", i, "attachments"]
            if number(n) && number(m) && number(i)
    ) || matches!(
        segments.as_slice(),
        ["", "networks", n, "concerns", c, "answer-document"] if number(n) && number(c)
    ) || matches!(
        segments.as_slice(),
        ["", "networks", n, "posts", p, "files"] if number(n) && number(p)
    ) || path == "/statistics/import"
}

pub async fn body(State(app): State<App>, request: Request, next: Next) -> Response {
    let limit = if is_upload(request.uri().path()) {
        app.config
            .max_upload_bytes
            .max(app.config.max_body_bytes)
            .saturating_add(FORM_SLACK_BYTES)
    } else {
        app.config.max_body_bytes
    };
    let mut next = Some(next);
    let inner = tower::service_fn(move |request| forward(next.take(), request));
    match RequestBodyLimitLayer::new(limit)
        .layer(inner)
        .oneshot(request)
        .await
    {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}

/// Hands the (now limited) request on to the rest of the stack.
async fn forward<B>(
    next: Option<Next>,
    request: axum::http::Request<B>,
) -> Result<Response, Infallible>
where
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let next = next.expect("a one-shot service is called once");
    Ok(next.run(request.map(Body::new)).await)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_upload_route_gets_the_larger_limit() {
        assert!(is_upload("/networks/1/meetings/12/agenda/3/attachments"));
        assert!(is_upload("/networks/1/posts/7/files"));
        assert!(!is_upload("/networks/1/posts/7/files/2/delete"));
        assert!(!is_upload(
            "/networks/1/meetings/12/agenda/3/attachments/4/delete"
        ));
        assert!(!is_upload("/networks/1/meetings//agenda/3/attachments"));
        assert!(!is_upload("/networks/1/meetings/12/agenda/x/attachments"));
        assert!(!is_upload("/conferences/12/attachments"));
        assert!(!is_upload("/networks/1/import"));
        assert!(is_upload("/statistics/import"));
        assert!(!is_upload("/statistics/import/abc/discard"));
    }
}
