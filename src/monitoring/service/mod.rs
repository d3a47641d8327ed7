//! Transactions of the statistics capability: imports and the shipped data.

pub mod import;
pub mod preview;
pub mod shipped;
