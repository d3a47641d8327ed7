//! What axe-core reports: one failed rule and the elements it failed on.

use super::*;

/// One failed axe rule on one page.
#[derive(Debug, Clone, Deserialize)]
pub struct Violation {
    pub id: String,
    /// minor, moderate, serious or critical
    pub impact: Option<String>,
    pub help: String,
    #[serde(rename = "helpUrl")]
    pub help_url: String,
    pub nodes: Vec<ViolationNode>,
}

/// An element that fails an axe rule.
#[derive(Debug, Clone, Deserialize)]
pub struct ViolationNode {
    /// CSS selector(s) of the element.
    pub target: String,
    pub html: String,
    pub summary: String,
}

impl Violation {
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_deref(), Some("serious" | "critical"))
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "  [{}] {}: {} ({})",
            self.impact.as_deref().unwrap_or("?"),
            self.id,
            self.help,
            self.help_url
        )?;
        for node in &self.nodes {
            writeln!(f, "      at {}", node.target)?;
            writeln!(f, "         {}", node.html)?;
            for line in node.summary.lines() {
                writeln!(f, "         {line}")?;
            }
        }
        Ok(())
    }
}
