//! Page checks on top of WebDriver: sign-in, axe-core, CSP violations, reflow.

use super::*;

/// Runs axe-core's WCAG 2.1 A/AA rules on the current page and returns what
/// fails. axe is injected through WebDriver: the pages' Content-Security-
/// Policy forbids inline scripts, but WebDriver's script execution is not
/// subject to it.
impl Chrome {
    /// Signs in through the login form.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.goto("/login").await;
        self.fill("input[name=\"email\"]", email).await;
        self.fill("input[name=\"password\"]", password).await;
        self.click_and_wait("main form[action=\"/login\"] button[type=\"submit\"]")
            .await;
    }

    /// Opens `url` for a check and panics unless the browser shows that
    /// very page as it answered with `expected` (200 for a real page): a
    /// check of a 403 page or of the login page a redirect led to would pass
    /// while the page meant was never looked at.
    pub async fn open_checked(&self, url: &str, expected: u16) {
        if let Err(wrong) = self.open_expecting(url, expected).await {
            panic!("{wrong}: sign in first, as someone who may see the page");
        }
    }

    /// Opens `url`; `Err` says what the browser shows instead when that is
    /// not `url` itself answered with `expected`.
    pub async fn open_expecting(&self, url: &str, expected: u16) -> Result<(), String> {
        self.goto(url).await;
        let status = self.status().await;
        let shown = self.path().await;
        let wanted = url.strip_prefix(&self.base).unwrap_or(url);
        if status == expected && shown == wanted {
            Ok(())
        } else {
            Err(format!(
                "asked to check {wanted} (HTTP {expected}), but the browser shows {shown} \
                 (HTTP {status})"
            ))
        }
    }

    /// What is wrong with a page for its readers: serious or critical
    /// axe-core violations, sideways scrolling at 320 px (WCAG 1.4.10).
    /// Panics unless `url` answers 200 itself (see `open_checked`).
    pub async fn problems(&self, url: &str) -> Vec<String> {
        let mut problems = Vec::new();
        self.delete_cookie("ikon_lang").await;
        self.open_checked(url, 200).await;
        let refused = self.csp_violations().await;
        if !refused.is_empty() {
            problems.push(format!(
                "{url}: refused by the content security policy: {refused:?}"
            ));
        }
        let serious: String = axe(self)
            .await
            .into_iter()
            .filter(|v| v.is_serious())
            .map(|v| v.to_string())
            .collect();
        if !serious.is_empty() {
            problems.push(format!("{url}:\n{serious}"));
        }
        self.emulate_width(Some(320)).await;
        self.open_checked(url, 200).await;
        if let Some(overflow) = self.horizontal_overflow().await {
            problems.push(format!("{url}: scrolls sideways at 320 px: {overflow}"));
        }
        self.emulate_width(None).await;
        problems
    }
}

/// Collects `securitypolicyviolation` events into `window.__cspViolations`.
pub(super) const CSP_RECORDER: &str = "window.__cspViolations = []; \
document.addEventListener('securitypolicyviolation', (e) => \
window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

/// Runs axe on whatever page is open: open it with `Chrome::open_checked`
/// first, so that the page checked is the page meant.
pub async fn axe(client: &Chrome) -> Vec<Violation> {
    let loaded = client
        .execute(
            &format!("{AXE_SOURCE}\n;return typeof window.axe === 'object';"),
            vec![],
        )
        .await;
    assert_eq!(loaded, true, "axe-core did not load into the page");
    let result = client
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            const target = (t) => Array.isArray(t) ? t.join(' >>> ') : String(t);
            axe.run(document, {
                runOnly: { type: 'tag', values: arguments[0] },
                resultTypes: ['violations'],
            }).then((results) => done({
                violations: results.violations.map((v) => ({
                    id: v.id,
                    impact: v.impact || null,
                    help: v.help,
                    helpUrl: v.helpUrl,
                    nodes: v.nodes.map((n) => ({
                        target: n.target.map(target).join(' '),
                        html: n.html,
                        summary: n.failureSummary || '',
                    })),
                })),
            })).catch((e) => done({ error: String((e && e.stack) || e) }));
            "#,
            vec![json!(AXE_TAGS)],
        )
        .await;
    if let Some(error) = result.get("error") {
        panic!("axe-core failed: {error}");
    }
    serde_json::from_value(result["violations"].clone()).expect("axe result")
}
