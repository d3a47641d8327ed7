//! What the offers' pages and API do, once: transactions with their audit
//! entries and search change records, the freshness sweep, the finder,
//! the coverage, the search, open data and the Wegweiser. Handlers only
//! check access, call one of these and show the result.

pub mod contact_points;
pub mod coverage;
pub mod finder;
pub mod freshness;
pub mod offers;
pub mod open_data;
pub mod search;
pub mod translations;
pub mod wegweiser;
