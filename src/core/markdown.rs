//! Texts people write (offer descriptions, minutes, posts) are Markdown,
//! rendered to HTML and sanitised.

use pulldown_cmark::{Options, Parser, html};

/// Safe HTML of a Markdown text: raw HTML is sanitised, scripts and event
/// handlers are dropped.
pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut out = String::new();
    html::push_html(&mut out, parser);
    // No images: a picture from another server would tell it who reads
    // the page (and an offer text is no place for one).
    ammonia::Builder::default()
        .rm_tags(["img"])
        .clean(&out)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_and_sanitised() {
        let html =
            render("**Beratung** <script>alert(1)</script> <a href=\"x\" onclick=\"y()\">z</a>");
        assert!(html.contains("<strong>Beratung</strong>"));
        assert!(!html.contains("<script") && !html.contains("onclick"));
        let html = render("![x](https://tracker.example/p.png) <img src=\"https://t.example/a\">");
        assert!(
            !html.contains("<img") && !html.contains("tracker.example"),
            "{html}"
        );
    }
}
